// Public values that make `npm start` work without any setup. Production refuses every one of
// them (load-config.ts): they are in the source, so anyone can sign or seal with them.

export const DEV_JWT_SECRET = 'tricolor-development-secret-not-for-production';
export const DEV_ADMIN_PASSWORD = 'admin';
export const DEV_AUDIT_KEY_ID = 'dev';
export const DEV_AUDIT_KEY = 'tricolor-development-audit-key-not-for-production';
export const DEV_DATA_KEY_ID = 'dev';
export const DEV_DATA_KEY = 'tricolor-development-data-key-not-for-production';
