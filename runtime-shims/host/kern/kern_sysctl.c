/*
 * KmodSharp host harness: static sysctl OIDs (FreeBSD's kern_sysctl.c, the
 * part a module uses).  A module's set_sysctl_set entries are linked into
 * the tree at load and removed at unload; the handlers are the kernel's
 * sysctl_handle_* functions, called with a request that reads the value
 * into a buffer, so kmodsim can report every OID's current value, and
 * kms_sysctl_write() sets one through its handler (kmodsim --sysctl).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kms_kern.h"

#define	KMS_CTLTYPE_INT		2
#define	KMS_CTLTYPE_S64		4
#define	KMS_CTLTYPE_OPAQUE	5
#define	KMS_CTLTYPE_UINT	6
#define	KMS_CTLTYPE_LONG	7
#define	KMS_CTLTYPE_ULONG	8
#define	KMS_CTLTYPE_U64		9
#define	KMS_CTLTYPE_U8		0xa
#define	KMS_CTLTYPE_U16		0xb
#define	KMS_CTLTYPE_S8		0xc
#define	KMS_CTLTYPE_S16		0xd
#define	KMS_CTLTYPE_S32		0xe
#define	KMS_CTLTYPE_U32		0xf

#define	SYSCTL_HANDLER_ARGS	struct kms_sysctl_oid *oidp, void *arg1, \
	intmax_t arg2, struct kms_sysctl_req *req

int	sysctl_handle_bool(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_8(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_16(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_32(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_64(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_int(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_long(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_string(SYSCTL_HANDLER_ARGS);
int	sysctl_handle_opaque(SYSCTL_HANDLER_ARGS);
void	sysctl_register_oid(struct kms_sysctl_oid *oidp);
void	sysctl_unregister_oid(struct kms_sysctl_oid *oidp);

struct kms_sysctl_oid_list sysctl__children;

#define	KMS_TOP_NODE(name, nbr)						\
	struct kms_sysctl_oid sysctl___##name = {			\
		.oid_parent = &sysctl__children,			\
		.oid_number = (nbr),					\
		.oid_kind = KMS_CTLTYPE_NODE | KMS_CTLFLAG_RD,		\
		.oid_name = #name,					\
		.oid_fmt = "N",						\
	}

KMS_TOP_NODE(sysctl, 0);
KMS_TOP_NODE(kern, 1);
KMS_TOP_NODE(vm, 2);
KMS_TOP_NODE(vfs, 3);
KMS_TOP_NODE(net, 4);
KMS_TOP_NODE(debug, 5);
KMS_TOP_NODE(hw, 6);
KMS_TOP_NODE(machdep, 7);
KMS_TOP_NODE(user, 8);
KMS_TOP_NODE(compat, 9);
KMS_TOP_NODE(security, 10);
KMS_TOP_NODE(dev, 11);
KMS_TOP_NODE(regression, 12);

static struct kms_sysctl_oid *top_nodes[] = {
	&sysctl___sysctl, &sysctl___kern, &sysctl___vm, &sysctl___vfs,
	&sysctl___net, &sysctl___debug, &sysctl___hw, &sysctl___machdep,
	&sysctl___user, &sysctl___compat, &sysctl___security, &sysctl___dev,
	&sysctl___regression,
};

static int next_auto = 0x100;

static void __attribute__((__constructor__))
sysctl_init(void)
{
	size_t i;

	for (i = 0; i < sizeof(top_nodes) / sizeof(top_nodes[0]); i++)
		sysctl_register_oid(top_nodes[i]);
}

static struct kms_sysctl_oid *
find_name(struct kms_sysctl_oid_list *list, const char *name)
{
	struct kms_sysctl_oid *p;

	for (p = list->rbh_root; p != NULL; p = p->oid_link.rbe_link[0])
		if (strcmp(p->oid_name, name) == 0)
			return (p);
	return (NULL);
}

void
sysctl_register_oid(struct kms_sysctl_oid *oidp)
{
	struct kms_sysctl_oid_list *parent = oidp->oid_parent;
	struct kms_sysctl_oid *p, **tail;

	p = find_name(parent, oidp->oid_name);
	if (p != NULL) {
		/* A node of the same name is shared; a leaf is not. */
		if ((p->oid_kind & KMS_CTLTYPE) == KMS_CTLTYPE_NODE &&
		    (oidp->oid_kind & KMS_CTLTYPE) == KMS_CTLTYPE_NODE) {
			p->oid_refcnt++;
			return;
		}
		kms_kern_printf("can't re-use a leaf (%s)!\n", p->oid_name);
		return;
	}
	if (oidp->oid_number == -1)
		oidp->oid_number = next_auto++;
	oidp->oid_refcnt = 1;
	oidp->oid_link.rbe_link[0] = NULL;
	for (tail = &parent->rbh_root; *tail != NULL;
	    tail = &(*tail)->oid_link.rbe_link[0])
		continue;
	*tail = oidp;
}

void
sysctl_unregister_oid(struct kms_sysctl_oid *oidp)
{
	struct kms_sysctl_oid **pp;

	for (pp = &oidp->oid_parent->rbh_root; *pp != NULL;
	    pp = &(*pp)->oid_link.rbe_link[0]) {
		if (*pp == oidp) {
			*pp = oidp->oid_link.rbe_link[0];
			return;
		}
	}
	/* A shared node registered by another file only loses a reference. */
	{
		struct kms_sysctl_oid *p;

		p = find_name(oidp->oid_parent, oidp->oid_name);
		if (p != NULL && p->oid_refcnt > 1)
			p->oid_refcnt--;
	}
}

void
kms_sysctl_register_file(struct kms_linker_file *lf)
{
	struct kms_sysctl_oid **oidp;

	for (oidp = lf->sets->sysctl_begin; oidp < lf->sets->sysctl_end;
	    oidp++)
		sysctl_register_oid(*oidp);
}

void
kms_sysctl_unregister_file(struct kms_linker_file *lf)
{
	struct kms_sysctl_oid **oidp;

	for (oidp = lf->sets->sysctl_end; oidp > lf->sets->sysctl_begin;
	    oidp--)
		sysctl_unregister_oid(oidp[-1]);
}

/* Request plumbing: the "old" value is collected in a harness buffer. */
struct outbuf {
	unsigned char	data[4096];
	size_t		len;
};

static int
old_to_buf(struct kms_sysctl_req *req, const void *p, size_t l)
{
	struct outbuf *ob = req->oldptr;

	if (ob->len + l > sizeof(ob->data))
		return (KMS_ENOMEM);
	memcpy(ob->data + ob->len, p, l);
	ob->len += l;
	req->oldidx += l;
	return (0);
}

static int
no_new(struct kms_sysctl_req *req, void *p, size_t l)
{

	(void)req;
	(void)p;
	(void)l;
	return (KMS_EPERM);
}

static int
handle_scalar(void *arg1, intmax_t arg2, struct kms_sysctl_req *req,
    size_t size)
{
	unsigned char tmp[8];
	int64_t v = arg2;
	int error;

	if (arg1 != NULL)
		memcpy(tmp, arg1, size);
	else
		memcpy(tmp, &v, size);	/* Little-endian: the low bytes. */
	error = req->oldfunc(req, tmp, size);
	if (error != 0 || req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (KMS_EPERM);
	return (req->newfunc(req, arg1, size));
}

/* As FreeBSD's: the old value as a byte 0 or 1, a new byte stored as (bool). */
int
sysctl_handle_bool(SYSCTL_HANDLER_ARGS)
{
	unsigned char b;
	int error;

	(void)oidp;
	b = arg1 != NULL ? *(unsigned char *)arg1 != 0 : arg2 != 0;
	error = req->oldfunc(req, &b, 1);
	if (error != 0 || req->newptr == NULL)
		return (error);
	if (arg1 == NULL)
		return (KMS_EPERM);
	error = req->newfunc(req, &b, 1);
	if (error == 0)
		*(bool *)arg1 = b != 0;
	return (error);
}

int
sysctl_handle_8(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, 1));
}

int
sysctl_handle_16(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, 2));
}

int
sysctl_handle_32(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, 4));
}

int
sysctl_handle_int(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, sizeof(int)));
}

int
sysctl_handle_64(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, 8));
}

int
sysctl_handle_long(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (handle_scalar(arg1, arg2, req, sizeof(long)));
}

int
sysctl_handle_string(SYSCTL_HANDLER_ARGS)
{
	size_t len;

	(void)oidp;
	if (arg1 == NULL)
		return (KMS_EINVAL);
	len = arg2 > 0 ? strnlen(arg1, (size_t)arg2) : strlen(arg1);
	return (req->oldfunc(req, arg1, len));
}

int
sysctl_handle_opaque(SYSCTL_HANDLER_ARGS)
{

	(void)oidp;
	return (req->oldfunc(req, arg1, (size_t)arg2));
}

static void
format_value(const struct kms_sysctl_oid *oidp, const struct outbuf *ob,
    char *out, size_t outsz)
{
	int64_t s = 0;
	uint64_t u = 0;
	size_t i, n;

	memcpy(&u, ob->data, ob->len < 8 ? ob->len : 8);
	switch (oidp->oid_kind & KMS_CTLTYPE) {
	case KMS_CTLTYPE_INT:
	case KMS_CTLTYPE_S32:
		snprintf(out, outsz, "%d", (int32_t)u);
		return;
	case KMS_CTLTYPE_UINT:
	case KMS_CTLTYPE_U32:
		snprintf(out, outsz, "%u", (uint32_t)u);
		return;
	case KMS_CTLTYPE_LONG:
	case KMS_CTLTYPE_S64:
		memcpy(&s, &u, sizeof(s));
		snprintf(out, outsz, "%lld", (long long)s);
		return;
	case KMS_CTLTYPE_ULONG:
	case KMS_CTLTYPE_U64:
		snprintf(out, outsz, "%llu", (unsigned long long)u);
		return;
	case KMS_CTLTYPE_U8:
		snprintf(out, outsz, "%u", (uint8_t)u);
		return;
	case KMS_CTLTYPE_S8:
		snprintf(out, outsz, "%d", (int8_t)u);
		return;
	case KMS_CTLTYPE_U16:
		snprintf(out, outsz, "%u", (uint16_t)u);
		return;
	case KMS_CTLTYPE_S16:
		snprintf(out, outsz, "%d", (int16_t)u);
		return;
	case KMS_CTLTYPE_STRING:
		n = ob->len < outsz ? ob->len : outsz - 1;
		memcpy(out, ob->data, n);
		out[n] = '\0';
		return;
	default:
		out[0] = '\0';
		for (i = 0; i < ob->len && 2 * i + 2 < outsz; i++)
			snprintf(out + 2 * i, 3, "%02x", ob->data[i]);
		return;
	}
}

static void
walk(struct kms_sysctl_oid_list *list, const char *prefix,
    kms_sysctl_visit_t *visit, void *arg)
{
	struct kms_sysctl_req req;
	struct kms_sysctl_oid *p;
	struct outbuf ob;
	char name[512], value[4096 * 2 + 1];
	int error;

	for (p = list->rbh_root; p != NULL; p = p->oid_link.rbe_link[0]) {
		snprintf(name, sizeof(name), "%s%s%s", prefix,
		    prefix[0] != '\0' ? "." : "", p->oid_name);
		if ((p->oid_kind & KMS_CTLTYPE) == KMS_CTLTYPE_NODE) {
			walk(&p->oid_children, name, visit, arg);
			continue;
		}
		if (p->oid_handler == NULL ||
		    (p->oid_kind & KMS_CTLFLAG_RD) == 0)
			continue;
		memset(&req, 0, sizeof(req));
		ob.len = 0;
		req.td = kms_curthread();
		req.oldptr = &ob;
		req.oldlen = sizeof(ob.data);
		req.oldfunc = old_to_buf;
		req.newfunc = no_new;
		error = p->oid_handler(p, p->oid_arg1, p->oid_arg2, &req);
		if (error != 0)
			snprintf(value, sizeof(value), "<error %d>", error);
		else
			format_value(p, &ob, value, sizeof(value));
		visit(name, value, arg);
	}
}

void
kms_sysctl_foreach(kms_sysctl_visit_t *visit, void *arg)
{

	walk(&sysctl__children, "", visit, arg);
}

static int
new_from_buf(struct kms_sysctl_req *req, void *p, size_t l)
{

	if (req->newptr == NULL)
		return (0);
	if (req->newlen - req->newidx < l)
		return (KMS_EINVAL);
	memcpy(p, (const unsigned char *)req->newptr + req->newidx, l);
	req->newidx += l;
	return (0);
}

/* The value in the OID's width, as sysctl(8) parses it; false when it does not fit. */
static bool
parse_new(unsigned int kind, const char *text, unsigned char *buf, size_t *len)
{
	long long s;
	unsigned long long u;
	char *end;
	int8_t s8;
	int32_t s32;
	uint8_t u8;
	uint32_t u32;
	int64_t s64;
	uint64_t u64;
	bool is_signed;

	is_signed = kind == KMS_CTLTYPE_INT || kind == KMS_CTLTYPE_S64 ||
	    kind == KMS_CTLTYPE_S32 || kind == KMS_CTLTYPE_S8;
	errno = 0;
	if (is_signed) {
		s = strtoll(text, &end, 0);
		u = 0;
	} else {
		if (text[0] == '-')
			return (false);
		u = strtoull(text, &end, 0);
		s = 0;
	}
	if (errno != 0 || end == text || *end != '\0')
		return (false);
	switch (kind) {
	case KMS_CTLTYPE_INT:
	case KMS_CTLTYPE_S32:
		if (s < INT32_MIN || s > INT32_MAX)
			return (false);
		s32 = (int32_t)s;
		memcpy(buf, &s32, *len = 4);
		return (true);
	case KMS_CTLTYPE_UINT:
	case KMS_CTLTYPE_U32:
		if (u > UINT32_MAX)
			return (false);
		u32 = (uint32_t)u;
		memcpy(buf, &u32, *len = 4);
		return (true);
	case KMS_CTLTYPE_S64:
		s64 = s;
		memcpy(buf, &s64, *len = 8);
		return (true);
	case KMS_CTLTYPE_U64:
		u64 = u;
		memcpy(buf, &u64, *len = 8);
		return (true);
	case KMS_CTLTYPE_U8:
		if (u > UINT8_MAX)
			return (false);
		u8 = (uint8_t)u;
		memcpy(buf, &u8, *len = 1);
		return (true);
	case KMS_CTLTYPE_S8:
		if (s < INT8_MIN || s > INT8_MAX)
			return (false);
		s8 = (int8_t)s;
		memcpy(buf, &s8, *len = 1);
		return (true);
	default:
		return (false);
	}
}

/*
 * sysctl(8) NAME=VALUE, as the operator (not privilege-checked, as loads
 * are not): the OID's handler runs with the old value read into a scratch
 * buffer and the new one as its request's newptr.  Returns the handler's
 * errno, ENOENT for no such OID, EPERM for one without CTLFLAG_WR (as
 * sysctl_root does); *badvalue when VALUE does not fit the OID's type.
 */
int
kms_sysctl_write(const char *name, const char *value, bool *badvalue)
{
	struct kms_sysctl_oid_list *list = &sysctl__children;
	struct kms_sysctl_oid *p = NULL;
	struct kms_sysctl_req req;
	struct outbuf ob;
	unsigned char buf[8];
	char part[256];
	const char *s = name, *dot;
	size_t len;

	*badvalue = false;
	for (;;) {
		dot = strchr(s, '.');
		len = dot != NULL ? (size_t)(dot - s) : strlen(s);
		if (len == 0 || len >= sizeof(part))
			return (KMS_ENOENT);
		memcpy(part, s, len);
		part[len] = '\0';
		p = find_name(list, part);
		if (p == NULL)
			return (KMS_ENOENT);
		if (dot == NULL)
			break;
		if ((p->oid_kind & KMS_CTLTYPE) != KMS_CTLTYPE_NODE)
			return (KMS_ENOENT);
		list = &p->oid_children;
		s = dot + 1;
	}
	if ((p->oid_kind & KMS_CTLTYPE) == KMS_CTLTYPE_NODE ||
	    p->oid_handler == NULL)
		return (KMS_ENOENT);
	if ((p->oid_kind & KMS_CTLFLAG_WR) == 0)
		return (KMS_EPERM);
	if (!parse_new(p->oid_kind & KMS_CTLTYPE, value, buf, &len)) {
		*badvalue = true;
		return (KMS_EINVAL);
	}
	memset(&req, 0, sizeof(req));
	ob.len = 0;
	req.td = kms_curthread();
	req.oldptr = &ob;
	req.oldlen = sizeof(ob.data);
	req.oldfunc = old_to_buf;
	req.newptr = buf;
	req.newlen = len;
	req.newfunc = new_from_buf;
	return (p->oid_handler(p, p->oid_arg1, p->oid_arg2, &req));
}
