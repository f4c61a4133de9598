import './messages';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { Session } from '../api/session';
import type { Unit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { call, http } from '../api/client';

/** The caller's unit and, for those who may list units, the units under it. */
export function useUnits(session: Session, kinds: Unit['kind'][]) {
  const role = session.user.role;
  const units = useQuery({
    queryKey: ['admin', 'units'],
    queryFn: () => call(http.GET('/admin/units')),
    enabled: role === 'supervisor' || role === 'admin',
    staleTime: 60_000,
  });
  const all = units.data ?? [];
  const home = session.user.unitCode;
  const under = (code: string | null): boolean => {
    if (!home || role === 'admin') return true;
    for (let c = code; c; c = all.find((u) => u.code === c)?.parentCode ?? null) {
      if (c === home) return true;
    }
    return false;
  };
  const listed: Unit[] = all.filter((u) => kinds.includes(u.kind) && under(u.code));
  if (home && !listed.some((u) => u.code === home)) {
    const own = all.find((u) => u.code === home);
    if (!own || kinds.includes(own.kind))
      listed.unshift(own ?? { code: home, name: home, kind: 'street', parentCode: null });
  }
  const order = { street: 0, community: 1, grid: 2 } as const;
  listed.sort((a, b) => order[a.kind] - order[b.kind] || a.code.localeCompare(b.code));
  return listed;
}

export function UnitPicker({
  units,
  value,
  onChange,
}: {
  units: Unit[];
  value: string | undefined;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('office.unit')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 220 }}
      showSearch
      optionFilterProp="label"
      options={units.map((u) => ({
        value: u.code,
        label: t(`office.unit.${u.kind}`, { name: u.name }),
      }))}
    />
  );
}
