import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { masterKeyFromEnv, PersonalDataKeys, PersonalDataOpener, SEALED_TEXT_VERSION } from '@civic/event-store';
import { InjectPool } from '@civic/platform';

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
export class PersonalDataReads {
  private readonly opener: PersonalDataOpener;

  constructor(@InjectPool() pool: Pool) {
    this.opener = new PersonalDataOpener(new PersonalDataKeys(pool, masterKeyFromEnv()));
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
