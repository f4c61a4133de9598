import { ApiProperty } from '@nestjs/swagger';

export class SigningKeyResponse {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: string;
  @ApiProperty({ description: 'SPKI PEM of the key that signs bundle manifests' })
  publicKeyPem: string;
  @ApiProperty({ description: "SHA-256 of the key's DER, hex: pin it with --public-key" })
  fingerprint: string;
}
