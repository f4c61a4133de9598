import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Tag colours that pass WCAG AA contrast (Ant Design's preset orange, gold and green do not). */
const TONES = {
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
} as const;

export function ToneTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
