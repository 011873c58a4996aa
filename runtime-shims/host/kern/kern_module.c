/*
 * KmodSharp host harness: the module registry (FreeBSD's kern_module.c):
 * module_register, module_register_init (the DECLARE_MODULE SYSINIT that
 * delivers MOD_LOAD), quiesce/unload events, module_setspecific, and the
 * modfind/modstat system calls userland uses to find a dynamic slot.
 */
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

int	syscall_module_handler(struct kms_module *, int, void *);
void	module_register_init(const void *arg);
int	module_register(const struct kms_moduledata *data,
	    struct kms_linker_file *lf);
struct kms_module *module_lookupbyname(const char *name);
struct kms_module *module_lookupbyid(int modid);
int	module_quiesce(struct kms_module *mod);
int	module_unload(struct kms_module *mod);
void	module_reference(struct kms_module *mod);
void	module_release(struct kms_module *mod);
int	module_getid(struct kms_module *mod);
struct kms_module *module_getfnext(struct kms_module *mod);
const char *module_getname(struct kms_module *mod);
void	module_setspecific(struct kms_module *mod, kms_modspecific_t *datap);
struct kms_linker_file *module_file(struct kms_module *mod);
int	sys_modfind(struct kms_thread *td, void *uap);
int	sys_modstat(struct kms_thread *td, void *uap);
int	copyinstr(const void *udaddr, void *kaddr, size_t len,
	    size_t *lencopied);
int	copyout(const void *kaddr, void *udaddr, size_t len);

static struct kms_module *modules;
static int nextid = 1;

struct kms_linker_file *kms_loading_file;

/* A module without an event handler gets modevent_nop's answers. */
static int
modevent_nop(struct kms_module *mod, int what, void *arg)
{

	(void)mod;
	(void)arg;
	switch (what) {
	case KMS_MOD_LOAD:
		return (0);
	case KMS_MOD_UNLOAD:
		return (KMS_EBUSY);
	default:
		return (KMS_EOPNOTSUPP);
	}
}

struct kms_module *
kms_module_first(void)
{

	return (modules);
}

struct kms_module *
module_lookupbyname(const char *name)
{
	struct kms_module *mod;

	for (mod = modules; mod != NULL; mod = mod->next)
		if (strcmp(mod->name, name) == 0)
			return (mod);
	return (NULL);
}

struct kms_module *
kms_module_byname(const char *name)
{

	return (module_lookupbyname(name));
}

struct kms_module *
module_lookupbyid(int modid)
{
	struct kms_module *mod;

	for (mod = modules; mod != NULL; mod = mod->next)
		if (mod->id == modid)
			return (mod);
	return (NULL);
}

int
module_register(const struct kms_moduledata *data,
    struct kms_linker_file *lf)
{
	struct kms_module *mod, **tail;

	mod = module_lookupbyname(data->name);
	if (mod != NULL) {
		kms_kern_printf("module_register: cannot register %s from %s; "
		    "already loaded from %s\n", data->name, lf->filename,
		    mod->file->filename);
		return (KMS_EEXIST);
	}
	mod = calloc(1, sizeof(*mod));
	if (mod == NULL)
		return (KMS_ENOMEM);
	mod->name = strdup(data->name);
	if (mod->name == NULL) {
		free(mod);
		return (KMS_ENOMEM);
	}
	mod->id = nextid++;
	mod->refs = 1;
	mod->file = lf;
	mod->handler = data->evhand != NULL ? data->evhand : modevent_nop;
	mod->arg = data->priv;
	mod->is_syscall = data->evhand == syscall_module_handler;
	for (tail = &modules; *tail != NULL; tail = &(*tail)->next)
		continue;
	*tail = mod;
	lf->nmodules++;
	return (0);
}

int
kms_module_register(const struct kms_moduledata *data,
    struct kms_linker_file *lf)
{

	return (module_register(data, lf));
}

int
kms_module_event(struct kms_module *mod, int what)
{

	return (mod->handler(mod, what, mod->arg));
}

void
module_reference(struct kms_module *mod)
{

	mod->refs++;
}

void
module_release(struct kms_module *mod)
{
	struct kms_module **pp;

	if (mod->refs <= 0)
		kms_panic("module_release: bad reference count");
	if (--mod->refs > 0)
		return;
	for (pp = &modules; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == mod) {
			*pp = mod->next;
			break;
		}
	}
	mod->file->nmodules--;
	free(mod->name);
	free(mod);
}

void
kms_module_release(struct kms_module *mod)
{

	module_release(mod);
}

/*
 * The SYSINIT that DECLARE_MODULE emits: deliver MOD_LOAD, and on failure
 * MOD_UNLOAD, release the module and say so in the message buffer, exactly
 * in FreeBSD's order.
 */
void
module_register_init(const void *arg)
{
	const struct kms_moduledata *data = arg;
	struct kms_module *mod;
	int error;

	mod = module_lookupbyname(data->name);
	if (mod == NULL)
		kms_panic("module_register_init: module named %s not found\n",
		    data->name);
	error = kms_module_event(mod, KMS_MOD_LOAD);
	if (error != 0) {
		kms_module_event(mod, KMS_MOD_UNLOAD);
		module_release(mod);
		kms_kern_printf("module_register_init: MOD_LOAD (%s, %p, %p) "
		    "error %d\n", data->name, (void *)data->evhand,
		    data->priv, error);
	}
}

int
module_quiesce(struct kms_module *mod)
{
	int error;

	error = kms_module_event(mod, KMS_MOD_QUIESCE);
	if (error == KMS_EOPNOTSUPP || error == KMS_EINVAL)
		error = 0;
	return (error);
}

int
module_unload(struct kms_module *mod)
{

	return (kms_module_event(mod, KMS_MOD_UNLOAD));
}

int
module_getid(struct kms_module *mod)
{

	return (mod->id);
}

/* The next module of the same file. */
struct kms_module *
module_getfnext(struct kms_module *mod)
{
	struct kms_linker_file *lf = mod->file;

	for (mod = mod->next; mod != NULL; mod = mod->next)
		if (mod->file == lf)
			break;
	return (mod);
}

const char *
module_getname(struct kms_module *mod)
{

	return (mod->name);
}

void
module_setspecific(struct kms_module *mod, kms_modspecific_t *datap)
{

	mod->data = *datap;
}

struct kms_linker_file *
module_file(struct kms_module *mod)
{

	return (mod->file);
}

/* modfind(2): copy the name in, look it up, return the module id. */
int
sys_modfind(struct kms_thread *td, void *uap)
{
	const char *uname = *(const char **)uap;
	char name[KMS_MAXPATHLEN];
	struct kms_module *mod;
	int error;

	error = copyinstr(uname, name, sizeof(name), NULL);
	if (error != 0)
		return (error);
	mod = module_lookupbyname(name);
	if (mod == NULL)
		return (KMS_ENOENT);
	td->td_uretoff.tdu_retval[0] = module_getid(mod);
	return (0);
}

/* The three struct module_stat versions modstat(2) accepts. */
#define	MODULE_STAT_V1_SIZE	(4 + 32 + 4 + 4)
#define	MODULE_STAT_V2_SIZE	(MODULE_STAT_V1_SIZE + 4 + 8)
#define	MODULE_STAT_V3_SIZE	sizeof(struct kms_module_stat)

/* modstat(2): copy the fields out one by one, as FreeBSD does. */
int
sys_modstat(struct kms_thread *td, void *uap)
{
	int modid = (int)((int64_t *)uap)[0];
	struct kms_module_stat *stat =
	    (struct kms_module_stat *)(uintptr_t)((int64_t *)uap)[1];
	struct kms_module *mod;
	kms_modspecific_t data;
	int error, id, namelen, refs, version;
	char *uname;

	(void)td;
	mod = module_lookupbyid(modid);
	if (mod == NULL)
		return (KMS_ENOENT);
	id = mod->id;
	refs = mod->refs;
	data = mod->data;
	if (kms_uread((uint64_t)(uintptr_t)&stat->version, &version,
	    sizeof(version)) != 0)
		return (KMS_EFAULT);
	if (version != MODULE_STAT_V1_SIZE && version != MODULE_STAT_V2_SIZE &&
	    version != (int)MODULE_STAT_V3_SIZE)
		return (KMS_EINVAL);
	namelen = (int)strlen(mod->name) + 1;
	if (version != (int)MODULE_STAT_V3_SIZE && namelen > 32)
		namelen = 32;
	uname = &stat->name[0];
	if ((error = copyout(mod->name, uname, (size_t)namelen)) != 0)
		return (error);
	if (version == (int)MODULE_STAT_V3_SIZE) {
		if ((error = copyout(&refs, &stat->refs, sizeof(int))) != 0)
			return (error);
		if ((error = copyout(&id, &stat->id, sizeof(int))) != 0)
			return (error);
		if ((error = copyout(&data, &stat->data, sizeof(data))) != 0)
			return (error);
	} else {
		char *base = (char *)stat;

		if ((error = copyout(&refs, base + 36, sizeof(int))) != 0)
			return (error);
		if ((error = copyout(&id, base + 40, sizeof(int))) != 0)
			return (error);
		if (version == MODULE_STAT_V2_SIZE &&
		    (error = copyout(&data, base + 48, sizeof(data))) != 0)
			return (error);
	}
	return (0);
}
