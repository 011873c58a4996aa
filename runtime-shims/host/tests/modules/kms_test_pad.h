/*
 * The private padding macros every generated module defines (sysproto.h
 * #undefs its own); shared by the test modules to keep them short.
 */
#ifndef _KMS_TEST_PAD_H_
#define	_KMS_TEST_PAD_H_

#define	KMS_PAD_(t)	(sizeof(register_t) <= sizeof(t) ? \
		0 : sizeof(register_t) - sizeof(t))
#if BYTE_ORDER == LITTLE_ENDIAN
#define	KMS_PADL_(t)	0
#define	KMS_PADR_(t)	KMS_PAD_(t)
#else
#define	KMS_PADL_(t)	KMS_PAD_(t)
#define	KMS_PADR_(t)	0
#endif
#define	KMS_ARG(t, n)	\
	char n##_l_[KMS_PADL_(t)]; t n; char n##_r_[KMS_PADR_(t)]

#endif /* !_KMS_TEST_PAD_H_ */
