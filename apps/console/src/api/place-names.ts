import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call, http } from './client';

/** The district's units from `GET /units`, which every signed-in user may read. */
export function useUnitList() {
  return useQuery({
    queryKey: ['units', 'names'],
    queryFn: () => call(http.GET('/units')),
    // Units are added by an admin now and then; a page need not ask again for half an hour.
    staleTime: 30 * 60_000,
  });
}

/**
 * A place's name by its code (G1 → 抚河第一网格); the code itself while the list loads or for a
 * code it does not hold.
 */
export function usePlaceNames(): (code: string | null | undefined) => string {
  const units = useUnitList();
  const names = useMemo(
    () => new Map((units.data ?? []).map((u) => [u.code, u.name])),
    [units.data],
  );
  return (code) => (code ? (names.get(code) ?? code) : '');
}
