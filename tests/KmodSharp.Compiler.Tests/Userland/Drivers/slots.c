/*
 * Prints "<name> <slot>" for each sys/<name> given, as the module (argv[1])
 * registered it: what the syzkaller description's defines must predict.
 */
#include <sys/module.h>

#include <stdio.h>

#include <kms_user.h>

int
main(int argc, char **argv)
{
	struct module_stat stat;
	char name[64];
	int i, modid;

	if (argc < 2 || kms_user_load(argv[1]) != 0)
		return (2);
	for (i = 2; i < argc; i++) {
		snprintf(name, sizeof(name), "sys/%s", argv[i]);
		modid = modfind(name);
		stat.version = sizeof(stat);
		if (modid == -1 || modstat(modid, &stat) == -1)
			return (1);
		printf("%s %d\n", argv[i], stat.data.intval);
	}
	return (0);
}
