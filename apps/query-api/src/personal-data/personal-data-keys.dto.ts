import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** GET /v1/personal-data/keys/{keyId}: the key id a sealed value names, "pd1.<keyId>.…". */
export class DataKeyParams {
  @IsUUID()
  keyId!: string;
}

/** A data key, and how the values it sealed open. */
export class DataKeyResponse {
  @ApiProperty({ format: 'uuid' })
  keyId!: string;
  @ApiProperty({ example: 'AES-256-GCM' })
  algorithm!: string;
  @ApiProperty({ description: 'The 32-byte data key, base64url.' })
  key!: string;
  @ApiProperty({
    description: 'How a sealed value "pd1.<keyId>.<data>" opens: data is base64url of iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes); the associated data is "pd1.<keyId>"; the plaintext is UTF-8.',
  })
  sealedValueFormat!: string;
}

