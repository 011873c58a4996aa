/* KmodSharp host harness: audit types needed by <sys/sysent.h>. */
#ifndef _BSM_AUDIT_H
#define	_BSM_AUDIT_H

#include <sys/types.h>

typedef	uint32_t	au_id_t;
typedef	uint16_t	au_event_t;
typedef	uint16_t	au_emod_t;
typedef	uint32_t	au_class_t;
typedef	uint64_t	au_asflgs_t;

#endif /* !_BSM_AUDIT_H */
