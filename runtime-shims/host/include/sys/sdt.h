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

struct sdt_provider {
	const char	*name;
	uintptr_t	id;
};

struct sdt_probe {
	int			version;
	struct sdt_provider	*prov;
	const char		*mod;
	const char		*func;
	const char		*name;
	int			n_args;
	const char		*argtype[6];
};

#define	SDT_PROVIDER_DEFINE(_prov)					\
	struct sdt_provider sdt_provider_##_prov[1] = {			\
		{ #_prov, 0 }						\
	}
#define	SDT_PROVIDER_DECLARE(_prov)					\
	extern struct sdt_provider sdt_provider_##_prov[1]

#define	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, _n, ...)	\
	struct sdt_probe sdt_##_prov##_##_mod##_##_func##_##_name[1] = {	\
		{ 1, sdt_provider_##_prov, #_mod, #_func, #_name, _n,	\
		    { __VA_ARGS__ } }					\
	}
#define	SDT_PROBE_DEFINE(_prov, _mod, _func, _name)			\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 0, NULL)
#define	SDT_PROBE_DECLARE(_prov, _mod, _func, _name)			\
	extern struct sdt_probe sdt_##_prov##_##_mod##_##_func##_##_name[1]
#define	SDT_PROBE_DEFINE0(_prov, _mod, _func, _name)			\
	SDT_PROBE_DEFINE(_prov, _mod, _func, _name)
#define	SDT_PROBE_DEFINE1(_prov, _mod, _func, _name, a0)		\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 1, a0)
#define	SDT_PROBE_DEFINE2(_prov, _mod, _func, _name, a0, a1)		\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 2, a0, a1)
#define	SDT_PROBE_DEFINE3(_prov, _mod, _func, _name, a0, a1, a2)	\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 3, a0, a1, a2)
#define	SDT_PROBE_DEFINE4(_prov, _mod, _func, _name, a0, a1, a2, a3)	\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 4, a0, a1, a2, a3)
#define	SDT_PROBE_DEFINE5(_prov, _mod, _func, _name, a0, a1, a2, a3, a4) \
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 5, a0, a1, a2, a3, \
	    a4)
#define	SDT_PROBE_DEFINE6(_prov, _mod, _func, _name, a0, a1, a2, a3, a4, \
	    a5)								\
	__KMS_SDT_PROBE_DEFINE(_prov, _mod, _func, _name, 6, a0, a1, a2, a3, \
	    a4, a5)

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
