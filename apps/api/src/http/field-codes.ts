/**
 * Stable codes for the problems a 400 lists (issue 18), one per class-validator constraint the
 * DTOs use, with the Chinese sentence the API answers for `Accept-Language: zh-CN`. A problem
 * found by hand (a service's own check, an InvalidInputError) is `INVALID_INPUT`: its English
 * sentence names the field and stays as it is.
 */
export const FIELD_CODES = {
  MUST_BE_TEXT: { constraints: ['isString'], zh: '{field} 必须是文本' },
  REQUIRED: { constraints: ['isNotEmpty', 'isDefined'], zh: '{field} 不能为空' },
  TOO_LONG: { constraints: ['maxLength'], zh: '{field} 超出长度上限' },
  TOO_SHORT: { constraints: ['minLength'], zh: '{field} 太短' },
  NOT_ALLOWED_VALUE: { constraints: ['isIn', 'isEnum'], zh: '{field} 的值不在允许范围内' },
  BAD_FORMAT: { constraints: ['matches'], zh: '{field} 格式不正确' },
  TOO_SMALL: { constraints: ['min'], zh: '{field} 小于允许的最小值' },
  TOO_LARGE: { constraints: ['max'], zh: '{field} 大于允许的最大值' },
  MUST_BE_INTEGER: { constraints: ['isInt'], zh: '{field} 必须是整数' },
  MUST_BE_NUMBER: { constraints: ['isNumber'], zh: '{field} 必须是数字' },
  MUST_BE_LIST: { constraints: ['isArray'], zh: '{field} 必须是列表' },
  TOO_MANY_ITEMS: { constraints: ['arrayMaxSize'], zh: '{field} 的项目过多' },
  TOO_FEW_ITEMS: { constraints: ['arrayMinSize'], zh: '{field} 的项目过少' },
  MUST_BE_BOOLEAN: { constraints: ['isBoolean'], zh: '{field} 必须是“是”或“否”' },
  MUST_BE_OBJECT: { constraints: ['isObject', 'nestedValidation'], zh: '{field} 必须是对象' },
  MUST_BE_DATE_TIME: { constraints: ['isIso8601', 'isDate'], zh: '{field} 必须是日期时间' },
  MUST_BE_UUID: { constraints: ['isUuid'], zh: '{field} 必须是有效的编号' },
  DATE_TOO_LATE: { constraints: ['beforeLatestDate'], zh: '{field} 的日期太晚' },
  UNKNOWN_FIELD: { constraints: ['whitelistValidation'], zh: '不应有字段 {field}' },
  // Checked by hand: the English sentence says what is wrong; it is answered as it is.
  INVALID_INPUT: { constraints: [], zh: null },
} as const satisfies Record<string, { constraints: readonly string[]; zh: string | null }>;

export type FieldCode = keyof typeof FIELD_CODES;

const BY_CONSTRAINT = new Map<string, FieldCode>(
  (Object.keys(FIELD_CODES) as FieldCode[]).flatMap((code) =>
    FIELD_CODES[code].constraints.map((c): [string, FieldCode] => [c, code]),
  ),
);

/** The code of a class-validator constraint (`isString` → `MUST_BE_TEXT`). */
export function fieldCodeOf(constraint: string): FieldCode {
  return BY_CONSTRAINT.get(constraint) ?? 'INVALID_INPUT';
}
