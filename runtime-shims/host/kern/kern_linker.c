/*
 * KmodSharp host harness: the kernel linker (FreeBSD's kern_linker.c).
 *
 * kldload is dlopen(RTLD_NOW | RTLD_LOCAL) of the module's shared object:
 * its undefined kernel symbols resolve against kmodsim (linked -rdynamic),
 * and one that does not exist makes the load fail, as the kernel linker
 * refuses a .ko with an undefined symbol.  Then, in FreeBSD's order: the
 * kernel dependency is checked, the file's modules are registered (a name
 * already taken fails the load with EEXIST), its sysctls are registered,
 * and its SYSINITs run sorted by (subsystem, order); MOD_LOAD is delivered
 * by the DECLARE_MODULE SYSINIT.  If every module failed, the file is
 * unloaded and the load fails with ENOEXEC.  kldunload sends MOD_QUIESCE
 * and then MOD_UNLOAD to each module (a veto stops the unload), removes the
 * sysctls, runs the SYSUNINITs in reverse order and dlcloses the object.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kms_kern.h"

int	module_quiesce(struct kms_module *mod);
int	module_unload(struct kms_module *mod);

static struct kms_linker_file *files;
static int next_fileid = 2;	/* 1 is the kernel itself. */

static const char *
linker_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return (slash != NULL ? slash + 1 : path);
}

/* Files are known by their base name, as kldfind(2) and kldload(2) do. */
struct kms_linker_file *
kms_linker_find(const char *path)
{
	struct kms_linker_file *lf;

	for (lf = files; lf != NULL; lf = lf->next)
		if (strcmp(linker_basename(lf->filename),
		    linker_basename(path)) == 0)
			return (lf);
	return (NULL);
}

/*
 * FreeBSD's linker_file_sysinit sort: an exchange sort on (subsystem,
 * order), ascending for SYSINITs and descending for SYSUNINITs.
 */
static void
sysinit_run(struct kms_sysinit **begin, struct kms_sysinit **end,
    bool reverse)
{
	struct kms_sysinit **v, **sipp, **xipp, *save;
	size_t n = (size_t)(end - begin);

	if (n == 0)
		return;
	v = malloc(n * sizeof(*v));
	if (v == NULL)
		kms_panic("linker: out of memory");
	memcpy(v, begin, n * sizeof(*v));
	for (sipp = v; sipp < v + n; sipp++) {
		for (xipp = sipp + 1; xipp < v + n; xipp++) {
			if (!reverse && ((*sipp)->subsystem <
			    (*xipp)->subsystem ||
			    ((*sipp)->subsystem == (*xipp)->subsystem &&
			    (*sipp)->order <= (*xipp)->order)))
				continue;
			if (reverse && ((*sipp)->subsystem >
			    (*xipp)->subsystem ||
			    ((*sipp)->subsystem == (*xipp)->subsystem &&
			    (*sipp)->order >= (*xipp)->order)))
				continue;
			save = *sipp;
			*sipp = *xipp;
			*xipp = save;
		}
	}
	for (sipp = v; sipp < v + n; sipp++)
		(*sipp)->func((*sipp)->udata);
	free(v);
}

static int
check_dependencies(struct kms_linker_file *lf)
{
	const struct kms_mod_metadata *md;
	const struct kms_mod_depend *dep;
	struct kms_mod_metadata **mdp;

	for (mdp = lf->sets->modmetadata_begin;
	    mdp < lf->sets->modmetadata_end; mdp++) {
		md = *mdp;
		if (md->md_type != KMS_MDT_DEPEND)
			continue;
		dep = md->md_data;
		if (strcmp(md->md_cval, "kernel") == 0) {
			if (KMS_FREEBSD_VERSION >= dep->md_ver_minimum &&
			    KMS_FREEBSD_VERSION <= dep->md_ver_maximum)
				continue;
		} else if (kms_module_byname(md->md_cval) != NULL)
			continue;
		kms_kern_printf("KLD %s: depends on %s - not available or "
		    "version mismatch\n", lf->filename, md->md_cval);
		return (KMS_ENOEXEC);
	}
	return (0);
}

static void
release_file_modules(struct kms_linker_file *lf)
{
	struct kms_module *mod, *next;

	for (mod = kms_module_first(); mod != NULL; mod = next) {
		next = mod->next;
		if (mod->file == lf)
			kms_module_release(mod);
	}
}

static void
file_free(struct kms_linker_file *lf)
{
	struct kms_linker_file **pp;

	for (pp = &files; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == lf) {
			*pp = lf->next;
			break;
		}
	}
	if (lf->handle != NULL)
		dlclose(lf->handle);
	free(lf->filename);
	free(lf);
}

int
kms_kldload(const char *path, struct kms_linker_file **lfp)
{
	const struct kms_module_sets *(*getsets)(void);
	struct kms_mod_metadata **mdp;
	struct kms_linker_file *lf;
	const char *msg, *sym;
	int error, hadmodules;

	*lfp = NULL;
	if (kms_linker_find(path) != NULL)
		return (KMS_EEXIST);
	if (access(path, R_OK) != 0)
		return (KMS_ENOENT);
	lf = calloc(1, sizeof(*lf));
	if (lf == NULL || (lf->filename = strdup(path)) == NULL) {
		free(lf);
		return (KMS_ENOMEM);
	}
	lf->id = next_fileid++;
	lf->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (lf->handle == NULL) {
		msg = dlerror();
		sym = msg != NULL ? strstr(msg, "undefined symbol: ") : NULL;
		if (sym != NULL)
			kms_kern_printf("link_elf_obj: symbol %s undefined\n",
			    sym + strlen("undefined symbol: "));
		else
			kms_kern_printf("link_elf_obj: %s\n",
			    msg != NULL ? msg : "cannot load");
		kms_kern_printf("KLD %s: cannot be loaded\n", path);
		free(lf->filename);
		free(lf);
		return (KMS_ENOEXEC);
	}
	*(void **)&getsets = dlsym(lf->handle, "kms_module_sets");
	if (getsets == NULL || (lf->sets = getsets()) == NULL ||
	    lf->sets->version != KMS_MODULE_SETS_VERSION) {
		kms_kern_printf("KLD %s: no linker sets (was kmod/module_glue.c "
		    "linked in?)\n", path);
		file_free(lf);
		return (KMS_ENOEXEC);
	}
	lf->next = files;
	files = lf;

	error = check_dependencies(lf);
	if (error != 0) {
		file_free(lf);
		return (error);
	}
	for (mdp = lf->sets->modmetadata_begin;
	    mdp < lf->sets->modmetadata_end; mdp++) {
		if ((*mdp)->md_type != KMS_MDT_MODULE)
			continue;
		error = kms_module_register((*mdp)->md_data, lf);
		if (error != 0) {
			release_file_modules(lf);
			file_free(lf);
			return (error);
		}
	}
	hadmodules = lf->nmodules != 0;
	kms_sysctl_register_file(lf);
	sysinit_run(lf->sets->sysinit_begin, lf->sets->sysinit_end, false);
	if (hadmodules && lf->nmodules == 0) {
		kms_sysctl_unregister_file(lf);
		sysinit_run(lf->sets->sysuninit_begin,
		    lf->sets->sysuninit_end, true);
		file_free(lf);
		return (KMS_ENOEXEC);
	}
	*lfp = lf;
	return (0);
}

int
kms_kldunload(struct kms_linker_file *lf)
{
	struct kms_module *mod, *next;
	int error;

	for (mod = kms_module_first(); mod != NULL; mod = mod->next) {
		if (mod->file != lf)
			continue;
		error = module_quiesce(mod);
		if (error != 0)
			return (error);
	}
	for (mod = kms_module_first(); mod != NULL; mod = next) {
		next = mod->next;
		if (mod->file != lf)
			continue;
		error = module_unload(mod);
		if (error != 0)
			return (error);
		kms_module_release(mod);
	}
	kms_sysctl_unregister_file(lf);
	sysinit_run(lf->sets->sysuninit_begin, lf->sets->sysuninit_end, true);
	file_free(lf);
	return (0);
}
