export { actorInSchool, can, requirePermission, schoolsOfUser, type Actor } from './actor.ts';
export { ROLES, ROLE_LABELS, refusalFor, roleAllows, type Permission } from './permissions.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { verifyCredentials, SignInInput } from './credentials.ts';
