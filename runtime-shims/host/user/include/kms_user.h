/*
 * KmodSharp host harness, userland shim: control of the emulated kernel for
 * test drivers (the generated library and test program never need it).
 *
 * The modules named by KMS_USER_KLD (colon-separated .so paths) are loaded
 * before main() and unloaded at exit; KMS_USER_UID sets the caller's uid.
 */
#ifndef _KMS_USER_H_
#define	_KMS_USER_H_

#include <stdbool.h>

/* kldload/kldunload by path; 0 or a host errno. */
int	kms_user_load(const char *path);
int	kms_user_unload(const char *path);

/* The calling thread's credential, as kmodsim's --uid/--jail/--capmode. */
void	kms_user_credential(unsigned int uid, bool jail, bool capmode);

/* Make the Nth M_NOWAIT malloc(9) from now on fail (kmodsim --fail-malloc). */
void	kms_user_fail_malloc(long n);

/* Kernel message buffer lines, leaks and violations so far. */
unsigned long	kms_user_log_count(void);
const char	*kms_user_log_line(unsigned long i);
long	kms_user_leaks(void);
unsigned long	kms_user_violations(void);

#endif /* !_KMS_USER_H_ */
