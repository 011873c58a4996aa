/*
 * KmodSharp host harness: sysctl(9), static OIDs only, with FreeBSD 15's
 * type and flag values, field names and macro shapes (sys/sys/sysctl.h).
 * FreeBSD keeps siblings in a red-black tree; the emulated kernel keeps
 * them in a list, so struct sysctl_oid_list is the harness's own.
 */
#ifndef _SYS_SYSCTL_H_
#define	_SYS_SYSCTL_H_

#include <sys/types.h>
#include <sys/_null.h>
#include <sys/kassert.h>
#include <sys/linker_set.h>

#define	CTL_MAXNAME	24

#define	CTLTYPE		0xf
#define	CTLTYPE_NODE	1
#define	CTLTYPE_INT	2
#define	CTLTYPE_STRING	3
#define	CTLTYPE_S64	4
#define	CTLTYPE_OPAQUE	5
#define	CTLTYPE_STRUCT	CTLTYPE_OPAQUE
#define	CTLTYPE_UINT	6
#define	CTLTYPE_LONG	7
#define	CTLTYPE_ULONG	8
#define	CTLTYPE_U64	9
#define	CTLTYPE_U8	0xa
#define	CTLTYPE_U16	0xb
#define	CTLTYPE_S8	0xc
#define	CTLTYPE_S16	0xd
#define	CTLTYPE_S32	0xe
#define	CTLTYPE_U32	0xf

#define	CTLFLAG_RD	0x80000000
#define	CTLFLAG_WR	0x40000000
#define	CTLFLAG_RW	(CTLFLAG_RD|CTLFLAG_WR)
#define	CTLFLAG_DORMANT	0x20000000
#define	CTLFLAG_ANYBODY	0x10000000
#define	CTLFLAG_SECURE	0x08000000
#define	CTLFLAG_PRISON	0x04000000
#define	CTLFLAG_DYN	0x02000000
#define	CTLFLAG_SKIP	0x01000000
#define	CTLMASK_SECURE	0x00F00000
#define	CTLFLAG_TUN	0x00080000
#define	CTLFLAG_RDTUN	(CTLFLAG_RD|CTLFLAG_TUN)
#define	CTLFLAG_RWTUN	(CTLFLAG_RW|CTLFLAG_TUN)
#define	CTLFLAG_MPSAFE	0x00040000
#define	CTLFLAG_VNET	0x00020000
#define	CTLFLAG_DYING	0x00010000
#define	CTLFLAG_CAPRD	0x00008000
#define	CTLFLAG_CAPWR	0x00004000
#define	CTLFLAG_STATS	0x00002000
#define	CTLFLAG_NOFETCH	0x00001000
#define	CTLFLAG_CAPRW	(CTLFLAG_CAPRD|CTLFLAG_CAPWR)
#define	CTLFLAG_NEEDGIANT 0x00000800

#define	OID_AUTO	(-1)
#define	CTL_AUTO_START	0x100

#define	SYSCTL_CT_ASSERT_MASK	CTLTYPE

#ifdef _KERNEL

#define	SYSCTL_HANDLER_ARGS struct sysctl_oid *oidp, void *arg1,	\
	intmax_t arg2, struct sysctl_req *req

struct thread;

struct sysctl_req {
	struct thread	*td;
	int		 lock;
	void		*oldptr;
	size_t		 oldlen;
	size_t		 oldidx;
	int		(*oldfunc)(struct sysctl_req *, const void *, size_t);
	const void	*newptr;
	size_t		 newlen;
	size_t		 newidx;
	int		(*newfunc)(struct sysctl_req *, void *, size_t);
	size_t		 validlen;
	int		 flags;
};

struct sysctl_oid;

/*
 * FreeBSD 15 keeps an oid's children in a red-black tree (sys/tree.h's
 * RB_HEAD and RB_ENTRY).  The emulated kernel uses the same fields for a
 * plain list: rbh_root is the first child and rbe_link[0] the next sibling.
 */
struct sysctl_oid_list {
	struct sysctl_oid *rbh_root;
};

struct sysctl_oid {
	struct sysctl_oid_list	oid_children;
	struct sysctl_oid_list	*oid_parent;
	struct {
		struct sysctl_oid *rbe_link[3];
	}			oid_link;
	int			oid_number;
	u_int			oid_kind;
	void			*oid_arg1;
	intmax_t		oid_arg2;
	const char		*oid_name;
	int			(*oid_handler)(SYSCTL_HANDLER_ARGS);
	const char		*oid_fmt;
	int			oid_refcnt;
	u_int			oid_running;
	const char		*oid_descr;
	const char		*oid_label;
};

#define	SYSCTL_IN(r, p, l)	(r->newfunc)(r, p, l)
#define	SYSCTL_OUT(r, p, l)	(r->oldfunc)(r, p, l)
#define	SYSCTL_OUT_STR(r, p)	(r->oldfunc)(r, p, strlen(p) + 1)

int	sysctl_handle_bool(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_8(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_16(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_32(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_64(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_int(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_long(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_string(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_opaque(SYSCTL_HANDLER_ARGS);

void	sysctl_register_oid(struct sysctl_oid *oidp);
void	sysctl_unregister_oid(struct sysctl_oid *oidp);

#define	SYSCTL_DECL(name)						\
	extern struct sysctl_oid sysctl__##name

#define	SYSCTL_CHILDREN(oid_ptr)	(&(oid_ptr)->oid_children)
#define	SYSCTL_STATIC_CHILDREN(oid_name) (&sysctl__##oid_name.oid_children)
#define	SYSCTL_NODE_CHILDREN(parent, name)				\
	sysctl__##parent##_##name.oid_children

#define	__DESCR(d)	d

#define	SYSCTL_ENFORCE_FLAGS(x)

#define	SYSCTL_OID_RAW(id, parent_child_head, nbr, name, kind, a1, a2,	\
	    handler, fmt, descr, label)					\
	struct sysctl_oid id = {					\
		.oid_parent = (parent_child_head),			\
		.oid_children = { NULL },				\
		.oid_number = (nbr),					\
		.oid_kind = (kind),					\
		.oid_arg1 = (a1),					\
		.oid_arg2 = (a2),					\
		.oid_name = (name),					\
		.oid_handler = (handler),				\
		.oid_fmt = (fmt),					\
		.oid_descr = __DESCR(descr),				\
		.oid_label = (label),					\
	};								\
	DATA_SET(sysctl_set, id);					\
	SYSCTL_ENFORCE_FLAGS(kind)

#define	SYSCTL_OID(parent, nbr, name, kind, a1, a2, handler, fmt, descr) \
	SYSCTL_OID_WITH_LABEL(parent, nbr, name, kind, a1, a2,		\
	    handler, fmt, descr, NULL)

#define	SYSCTL_OID_WITH_LABEL(parent, nbr, name, kind, a1, a2, handler,	\
	    fmt, descr, label)						\
	static SYSCTL_OID_RAW(sysctl__##parent##_##name,		\
	    SYSCTL_CHILDREN(&sysctl__##parent),				\
	    nbr, #name, kind, a1, a2, handler, fmt, descr, label)

#define	SYSCTL_OID_GLOBAL(parent, nbr, name, kind, a1, a2, handler, fmt,\
	    descr, label)						\
	SYSCTL_OID_RAW(sysctl__##parent##_##name,			\
	    SYSCTL_CHILDREN(&sysctl__##parent),				\
	    nbr, #name, kind, a1, a2, handler, fmt, descr, label)

#define	SYSCTL_NODE(parent, nbr, name, access, handler, descr)		\
	SYSCTL_NODE_WITH_LABEL(parent, nbr, name, access, handler, descr, NULL)

#define	SYSCTL_NODE_WITH_LABEL(parent, nbr, name, access, handler, descr,\
	    label)							\
	SYSCTL_OID_GLOBAL(parent, nbr, name, CTLTYPE_NODE|(access),	\
	    NULL, 0, handler, "N", descr, label);			\
	SYSCTL_ENFORCE_FLAGS(access);					\
	CTASSERT(((access) & CTLTYPE) == 0 ||				\
	    ((access) & SYSCTL_CT_ASSERT_MASK) == CTLTYPE_NODE)

#define	SYSCTL_STRING(parent, nbr, name, access, arg, len, descr)	\
	SYSCTL_OID(parent, nbr, name,					\
	    CTLTYPE_STRING | CTLFLAG_MPSAFE | (access),			\
	    arg, len, sysctl_handle_string, "A", descr);		\
	CTASSERT(((access) & CTLTYPE) == 0 ||				\
	    ((access) & SYSCTL_CT_ASSERT_MASK) == CTLTYPE_STRING)

#define	SYSCTL_CONST_STRING(parent, nbr, name, access, arg, descr)	\
	SYSCTL_OID(parent, nbr, name,					\
	    CTLTYPE_STRING | CTLFLAG_MPSAFE | (access),			\
	    __DECONST(char *, arg), 0, sysctl_handle_string, "A", descr); \
	CTASSERT(!((access) & CTLFLAG_WR));				\
	CTASSERT(((access) & CTLTYPE) == 0 ||				\
	    ((access) & SYSCTL_CT_ASSERT_MASK) == CTLTYPE_STRING)

#define	SYSCTL_BOOL(parent, nbr, name, access, ptr, val, descr)	\
	SYSCTL_OID(parent, nbr, name,					\
	    CTLTYPE_U8 | CTLFLAG_MPSAFE | (access),			\
	    ptr, val, sysctl_handle_bool, "CU", descr);			\
	CTASSERT(((access) & CTLTYPE) == 0 &&				\
	    sizeof(bool) == sizeof(*(ptr)))

#define	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    ctltype, ctype, handler, fmt)				\
	SYSCTL_OID(parent, nbr, name,					\
	    ctltype | CTLFLAG_MPSAFE | (access),			\
	    ptr, val, handler, fmt, descr);				\
	CTASSERT((((access) & CTLTYPE) == 0 ||				\
	    ((access) & SYSCTL_CT_ASSERT_MASK) == ctltype) &&		\
	    sizeof(ctype) == sizeof(*(ptr)))

#define	SYSCTL_S8(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_S8, int8_t, sysctl_handle_8, "C")
#define	SYSCTL_U8(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_U8, uint8_t, sysctl_handle_8, "CU")
#define	SYSCTL_S16(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_S16, int16_t, sysctl_handle_16, "S")
#define	SYSCTL_U16(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_U16, uint16_t, sysctl_handle_16, "SU")
#define	SYSCTL_S32(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_S32, int32_t, sysctl_handle_32, "I")
#define	SYSCTL_U32(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_U32, uint32_t, sysctl_handle_32, "IU")
#define	SYSCTL_INT(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_INT, int, sysctl_handle_int, "I")
#define	SYSCTL_UINT(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_UINT, unsigned, sysctl_handle_int, "IU")
#define	SYSCTL_LONG(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_LONG, long, sysctl_handle_long, "L")
#define	SYSCTL_ULONG(parent, nbr, name, access, ptr, val, descr)	\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_ULONG, unsigned long, sysctl_handle_long, "LU")
#define	SYSCTL_S64(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_S64, int64_t, sysctl_handle_64, "Q")
#define	SYSCTL_U64(parent, nbr, name, access, ptr, val, descr)		\
	__KMS_SYSCTL_SCALAR(parent, nbr, name, access, ptr, val, descr,\
	    CTLTYPE_U64, uint64_t, sysctl_handle_64, "QU")

#define	SYSCTL_PROC(parent, nbr, name, access, ptr, arg, handler, fmt,	\
	    descr)							\
	SYSCTL_OID(parent, nbr, name, (access),				\
	    ptr, arg, handler, fmt, descr);				\
	CTASSERT(((access) & CTLTYPE) != 0)

SYSCTL_DECL(_kern);
SYSCTL_DECL(_sysctl);
SYSCTL_DECL(_vm);
SYSCTL_DECL(_vfs);
SYSCTL_DECL(_net);
SYSCTL_DECL(_debug);
SYSCTL_DECL(_dev);
SYSCTL_DECL(_hw);
SYSCTL_DECL(_machdep);
SYSCTL_DECL(_user);
SYSCTL_DECL(_compat);
SYSCTL_DECL(_regression);
SYSCTL_DECL(_security);

extern struct sysctl_oid_list sysctl__children;

#endif /* _KERNEL */

#endif /* !_SYS_SYSCTL_H_ */
