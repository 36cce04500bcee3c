export { actorInSchool, can, schoolsOfUser, type Actor } from './actor.ts';
export { ROLES, ROLE_LABELS, roleAllows, type Permission } from './permissions.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { verifyCredentials, SignInInput } from './credentials.ts';
