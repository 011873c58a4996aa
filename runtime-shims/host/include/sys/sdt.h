/*
 * KmodSharp host harness: statically defined tracing, SDT(9).  There is no
 * DTrace in the emulated kernel, so probes never fire, but every macro keeps
 * its compile-time meaning: a probe must be defined before it is used, and
 * each probe argument must be a valid expression of scalar type.
 */
#ifndef _SYS_SDT_H_
#define	_SYS_SDT_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#ifdef _KERNEL

struct sdt_argtype;
struct sdt_tracepoint;
struct linker_file;

/*
 * FreeBSD 15's layouts.  The list links and ids are DTrace's and stay
 * empty here; a probe records only what it was defined with.
 */
struct sdt_probe {
	int			version;
	struct sdt_provider	*prov;
	struct {
		struct sdt_probe	*tqe_next;
		struct sdt_probe	**tqe_prev;
	}			probe_entry;
	struct {
		struct sdt_argtype	*tqh_first;
		struct sdt_argtype	**tqh_last;
	}			argtype_list;
	struct {
		struct sdt_tracepoint	*stqh_first;
		struct sdt_tracepoint	**stqh_last;
	}			tracepoint_list;
	const char		*mod;
	const char		*func;
	const char		*name;
	id_t			id;
	int			n_args;
	struct linker_file	*sdtp_lf;
};

struct sdt_provider {
	char			*name;
	struct {
		struct sdt_provider	*tqe_next;
		struct sdt_provider	**tqe_prev;
	}			prov_entry;
	uintptr_t		id;
	int			sdt_refs;
};

#define	SDT_PROVIDER_DEFINE(_prov)					\
	struct sdt_provider sdt_provider_##_prov = {			\
		.name = #_prov,						\
	}
#define	SDT_PROVIDER_DECLARE(_prov)					\
	extern struct sdt_provider sdt_provider_##_prov

/*
 * The argument types (strings, as FreeBSD's SDT_PROBE_ARGTYPE takes them)
 * are not kept: nothing in the emulated kernel reads them.
 */
#define	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, _n)		\
	struct sdt_probe sdt_##_prov##_##_mod##_##_func##_##_name = {	\
		.version = sizeof(struct sdt_probe),			\
		.prov = &sdt_provider_##_prov,				\
		.mod = #_mod,						\
		.func = #_func,						\
		.name = #_name,						\
		.n_args = (_n),						\
	}
#define	SDT_PROBE_DEFINE(_prov, _mod, _func, _name)			\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 0)
#define	SDT_PROBE_DECLARE(_prov, _mod, _func, _name)			\
	extern struct sdt_probe sdt_##_prov##_##_mod##_##_func##_##_name
#define	SDT_PROBE_DEFINE0(_prov, _mod, _func, _name)			\
	SDT_PROBE_DEFINE(_prov, _mod, _func, _name)
#define	SDT_PROBE_DEFINE1(_prov, _mod, _func, _name, a0)		\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 1)
#define	SDT_PROBE_DEFINE2(_prov, _mod, _func, _name, a0, a1)		\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 2)
#define	SDT_PROBE_DEFINE3(_prov, _mod, _func, _name, a0, a1, a2)	\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 3)
#define	SDT_PROBE_DEFINE4(_prov, _mod, _func, _name, a0, a1, a2, a3)	\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 4)
#define	SDT_PROBE_DEFINE5(_prov, _mod, _func, _name, a0, a1, a2, a3, a4) \
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 5)
#define	SDT_PROBE_DEFINE6(_prov, _mod, _func, _name, a0, a1, a2, a3, a4, \
	    a5)								\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 6)

/*
 * A probe site converts each argument to uintptr_t as FreeBSD's
 * sdt_probe_func does; the conversion sits in an unevaluated sizeof, so
 * the arguments are type-checked and never evaluated.
 */
#define	__KMS_SDT_ARG(a)	((void)sizeof((uintptr_t)(a)))
#define	SDT_PROBE0(_prov, _mod, _func, _name) do {			\
	(void)sizeof(sdt_##_prov##_##_mod##_##_func##_##_name);		\
} while (0)
#define	SDT_PROBE1(_prov, _mod, _func, _name, a0) do {			\
	SDT_PROBE0(_prov, _mod, _func, _name);				\
	__KMS_SDT_ARG(a0);						\
} while (0)
#define	SDT_PROBE2(_prov, _mod, _func, _name, a0, a1) do {		\
	SDT_PROBE1(_prov, _mod, _func, _name, a0);			\
	__KMS_SDT_ARG(a1);						\
} while (0)
#define	SDT_PROBE3(_prov, _mod, _func, _name, a0, a1, a2) do {		\
	SDT_PROBE2(_prov, _mod, _func, _name, a0, a1);			\
	__KMS_SDT_ARG(a2);						\
} while (0)
#define	SDT_PROBE4(_prov, _mod, _func, _name, a0, a1, a2, a3) do {	\
	SDT_PROBE3(_prov, _mod, _func, _name, a0, a1, a2);		\
	__KMS_SDT_ARG(a3);						\
} while (0)
#define	SDT_PROBE5(_prov, _mod, _func, _name, a0, a1, a2, a3, a4) do {	\
	SDT_PROBE4(_prov, _mod, _func, _name, a0, a1, a2, a3);		\
	__KMS_SDT_ARG(a4);						\
} while (0)
#define	SDT_PROBE6(_prov, _mod, _func, _name, a0, a1, a2, a3, a4, a5) do { \
	SDT_PROBE5(_prov, _mod, _func, _name, a0, a1, a2, a3, a4);	\
	__KMS_SDT_ARG(a5);						\
} while (0)
#define	SDT_PROBE(_prov, _mod, _func, _name, a0, a1, a2, a3, a4)	\
	SDT_PROBE5(_prov, _mod, _func, _name, a0, a1, a2, a3, a4)

#endif /* _KERNEL */

#endif /* !_SYS_SDT_H_ */
