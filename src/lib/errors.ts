// One error class with a closed set of codes and one code → HTTP status map. Handlers throw AppError;
// the HTTP layer renders { error: { code, message, fields, requestId } } and never leaks internal text.

export const ERROR_STATUS = {
  MALFORMED_BODY: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_CONFLICT: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  MALFORMED_BODY: '请求内容无法解析，请检查格式',
  VALIDATION: '提交的内容有误，请按提示修改',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '未找到',
  CASE_NOT_FOUND: '未找到该编号的案件，或查询码不正确',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  INVALID_TRANSITION: '当前状态不允许此操作',
  IDEMPOTENCY_CONFLICT: '同一个幂等键已用于内容不同的提交',
  PAYLOAD_TOO_LARGE: '提交的内容或文件过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容或文件类型',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
  STORAGE_FULL: '服务器存储空间已满，您提交的内容没有保存，请稍后再试',
  INTERNAL: '系统内部错误，请稍后再试',
};
