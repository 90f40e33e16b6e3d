import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { databaseUrlFromEnv, ReadModelChangeListener } from '@civic/database';
import { KeyLookup, masterKeyFromEnv, PERSONAL_DATA_ERASED, PersonalDataKeys, PersonalDataOpener, SEALED_TEXT_VERSION } from '@civic/event-store';
import { InjectPool } from '@civic/platform';

/** A data key asked for after the person's data was erased: 410. */
export class PersonalDataErasedKey extends Error {
  readonly code = 'PERSONAL_DATA.ERASED';
  constructor(
    readonly keyId: string,
    readonly erasedAt: string,
    readonly erasureId: string,
  ) {
    super(`Data key ${keyId} was destroyed at ${erasedAt} by erasure ${erasureId}: the person's data was erased at their request.`);
  }
}

interface EventJson {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Where query-api's answers meet the sealed names of the read models and the log (docs/adr/0059): each is opened
 * just before it is answered — the name while its key is kept, the erased mark after — and a key store that cannot be
 * read fails the answer (503) rather than show a sealed value or a name it should not.
 */
@Injectable()
export class PersonalDataReads implements OnModuleInit, OnApplicationShutdown {
  private readonly opener: PersonalDataOpener;
  private readonly keys: PersonalDataKeys;
  /** Told of every erasure, and of every moment erasures may have gone unheard: what keeps opened answers forgets them. */
  private readonly erasureWatchers: (() => void)[] = [];
  private heard = false;
  /** Erasures are announced on commit (PERSONAL_DATA_ERASED): the keys they destroyed are forgotten at once. */
  private readonly erasures = new ReadModelChangeListener(
    databaseUrlFromEnv(),
    {
      changed: (keyId) => this.erased([keyId]),
      listening: (heard) => {
        this.heard = heard;
        if (!heard) this.erased(undefined);
      },
    },
    'query-api-erasures',
    PERSONAL_DATA_ERASED,
  );

  constructor(@InjectPool() pool: Pool) {
    this.keys = new PersonalDataKeys(pool, masterKeyFromEnv());
    this.opener = new PersonalDataOpener(this.keys);
  }

  onModuleInit(): Promise<void> {
    return this.erasures.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.erasures.stop();
  }

  /** Whether erasures are being heard now: answers with opened names may be kept only while they are. */
  get erasuresHeard(): boolean {
    return this.heard;
  }

  /** `forget` is called on every erasure heard, and whenever erasures may have been missed. */
  onErasure(forget: () => void): void {
    this.erasureWatchers.push(forget);
  }

  private erased(keyIds: readonly string[] | undefined): void {
    this.opener.forget(keyIds);
    for (const forget of this.erasureWatchers) forget();
  }

  /** One data key as the store holds it now, never from memory: an erasure takes effect at once. */
  async dataKey(keyId: string): Promise<KeyLookup> {
    return (await this.keys.lookup([keyId])).get(keyId)!;
  }

  /** One record's data as an event of `type` holds it (a meeting as MeetingHeld, a grant as CommendationGranted). */
  async openRecord<Data>(type: string, data: Data): Promise<Data> {
    const [opened] = await this.opener.openEvents([{ type, data }]);
    return opened.data;
  }

  /** Records of one event type, in one look-up of their keys. */
  async openRecords<Data>(type: string, records: readonly Data[]): Promise<Data[]> {
    return (await this.opener.openEvents(records.map((data) => ({ type, data })))).map((opened) => opened.data);
  }

  /**
   * Audit JSON (`{"versions": [...]}` or `{"items": [...]}`) with each event's personal fields opened. JSON that holds
   * no sealed value is answered as it is, unparsed: the audit's pages are read by the hundred.
   */
  async openEventsJson(json: string, list: 'versions' | 'items'): Promise<string> {
    if (!json.includes(`"${SEALED_TEXT_VERSION}.`)) return json;
    const answer = JSON.parse(json) as Record<string, EventJson[]>;
    return JSON.stringify({ ...answer, [list]: await this.opener.openEvents(answer[list]) });
  }
}
