export * from './schema/enums';
export * from './schema/zones';
export * from './schema/users';
export * from './schema/declarations';
export * from './schema/synergies';
export * from './schema/meetings';
export * from './schema/imports';
