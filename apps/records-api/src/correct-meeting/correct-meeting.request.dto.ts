import { NestedObject, NfcText } from '@civic/platform';
import { RecordMeetingRequestDto } from '../record-meeting/record-meeting.request.dto';

/** POST /v1/meetings/{id}/corrections, with If-Match: the whole corrected record and why. */
export class CorrectMeetingRequestDto {
  @NfcText(1000)
  reason!: string;

  @NestedObject(() => RecordMeetingRequestDto)
  meeting!: RecordMeetingRequestDto;
}
