import type { CaseFacts } from '../case-facts';
import type { DocBlock } from '../doc-model';
import { PERFORMANCE_ZH, dateTimeZh, dateZh, orNone } from '../labels';

/** 回访记录: each follow-up visit — performance, satisfaction, risk of recurrence. */
export function followUpBlocks(facts: CaseFacts): DocBlock[] {
  const a = facts.agreement;
  return [
    {
      kind: 'fields',
      rows: [
        ['纠纷名称', facts.view.title],
        ['协议达成日期', dateZh(a?.reachedAt ?? null)],
        ['协议内容', a?.terms ?? '未记录'],
      ],
    },
    ...facts.followUps.flatMap((f, i): DocBlock[] => [
      { kind: 'heading', text: `第${i + 1}次回访` },
      {
        kind: 'fields',
        rows: [
          ['回访时间', dateTimeZh(f.at)],
          ['回访人', facts.userName(f.by)],
          ['协议履行情况', f.performed ? (PERFORMANCE_ZH[f.performed] ?? f.performed) : '未记录'],
          ['当事人满意度', orNone(f.satisfaction)],
          ['纠纷复发风险', orNone(f.recurrenceRisk)],
          ['回访情况记录', orNone(f.note)],
        ],
      },
    ]),
    {
      kind: 'signatures',
      lines: ['回访人（签名）：____________    被回访人（签名/按指印）：____________'],
    },
  ];
}
