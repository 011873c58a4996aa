/*
 * KmodSharp host harness: kernel audit event numbers.  Dynamic syscalls use
 * AUE_NULL; the few others here carry the values FreeBSD assigns them.
 */
#ifndef _BSM_AUDIT_KEVENTS_H_
#define	_BSM_AUDIT_KEVENTS_H_

#define	AUE_NULL	0
#define	AUE_EXIT	1
#define	AUE_FORK	2
#define	AUE_OPEN	3
#define	AUE_READ	192
#define	AUE_WRITE	195
#define	AUE_MODLOAD	243
#define	AUE_MODUNLOAD	244

#endif /* !_BSM_AUDIT_KEVENTS_H_ */
