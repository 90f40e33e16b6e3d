import { useEffect, useState } from 'preact/hooks';
import { Api } from './api';
import { UnitVersion } from './answers';
import { href } from './route';

/** Names already asked for, by code and day: a list names the same few units many times. */
const names = new Map<string, Promise<string>>();

/** A unit's official name on a day, linked to its page; its code until the name arrives (or if it cannot). */
export function UnitName({ api, code, on }: { api: Api; code: string; on: string }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const key = `${code}@${on}`;
    if (!names.has(key)) names.set(key, api.json<UnitVersion>(`/v1/units/${code}?asOf=${on}`).then((u) => u.name, () => code));
    let current = true;
    void names.get(key)!.then((found) => current && setName(found));
    return () => {
      current = false;
    };
  }, [code, on]);
  return (
    <a href={href('unit', code, { year: on.slice(0, 4) })}>
      {name ?? code}
      {name && name !== code ? <span class="sub"> ({code})</span> : null}
    </a>
  );
}
