import type { Config } from './config.js';

/** Whether the user is a talent / HR admin of the workspace (ADMIN_USER_IDS). */
export function isAdmin(config: Config, userId: string): boolean {
  return config.adminUserIds.includes(userId);
}

/** Whether the user is a community animator (ANIMATOR_USER_IDS). */
export function isAnimator(config: Config, userId: string): boolean {
  return config.animatorUserIds.includes(userId);
}
