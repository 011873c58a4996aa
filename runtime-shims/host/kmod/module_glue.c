/*
 * KmodSharp host harness: glue linked into every module shared object.
 *
 * FreeBSD's kernel linker finds a module's linker sets by section name in
 * the .ko.  A shared object gets __start_set_X/__stop_set_X from the ELF
 * linker for each set_X section it contains; declaring them hidden binds
 * each module to its own sections, so the harness asks each loaded module
 * (dlsym on its handle) for its sets and two modules never see each other's.
 * Weak references make a missing set an empty one.
 */
#include <sys/param.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/sysctl.h>

#define	KMS_SET_DECLARE(set, ptype)					\
	extern ptype *__CONCAT(__start_set_, set)			\
	    __attribute__((__weak__, __visibility__("hidden")));	\
	extern ptype *__CONCAT(__stop_set_, set)			\
	    __attribute__((__weak__, __visibility__("hidden")))

KMS_SET_DECLARE(sysinit_set, struct sysinit);
KMS_SET_DECLARE(sysuninit_set, struct sysinit);
KMS_SET_DECLARE(modmetadata_set, struct mod_metadata);
KMS_SET_DECLARE(sysctl_set, struct sysctl_oid);

/* Must match struct kms_module_sets in kern/kms_kern.h. */
struct kms_module_sets {
	int			version;
	struct sysinit		**sysinit_begin, **sysinit_end;
	struct sysinit		**sysuninit_begin, **sysuninit_end;
	struct mod_metadata	**modmetadata_begin, **modmetadata_end;
	struct sysctl_oid	**sysctl_begin, **sysctl_end;
};

const struct kms_module_sets *kms_module_sets(void);

static const struct kms_module_sets kms_sets = {
	.version = 1,
	.sysinit_begin = &__start_set_sysinit_set,
	.sysinit_end = &__stop_set_sysinit_set,
	.sysuninit_begin = &__start_set_sysuninit_set,
	.sysuninit_end = &__stop_set_sysuninit_set,
	.modmetadata_begin = &__start_set_modmetadata_set,
	.modmetadata_end = &__stop_set_modmetadata_set,
	.sysctl_begin = &__start_set_sysctl_set,
	.sysctl_end = &__stop_set_sysctl_set,
};

const struct kms_module_sets *
kms_module_sets(void)
{

	return (&kms_sets);
}
