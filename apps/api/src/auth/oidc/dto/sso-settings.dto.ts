import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { SingleLine } from '../../../common/validators';

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** Null or blank clears an optional text; left out keeps the default. */
const givenText = (field: 'clientSecretFile' | 'acrValues') =>
  ValidateIf((o: SaveSsoProviderDto) => o[field] !== null && o[field] !== undefined && o[field] !== '');

/** PUT /api/alliance-sso: the acting Alliance's provider, created (version 0) or replaced (the version read). */
export class SaveSsoProviderDto {
  @ApiProperty({
    example: 'wessex',
    description: 'Lower-case letters, digits and hyphens: the sign-in address and the secret variable',
  })
  @trimmed
  @IsString({ message: 'slug must be text' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, {
    message: 'slug must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter or digit',
  })
  slug!: string;

  @ApiProperty({ example: 'Sign in with NHSmail' })
  @trimmed
  @IsString({ message: 'label must be text' })
  @MinLength(1, { message: 'label must not be empty' })
  @MaxLength(80)
  @SingleLine()
  label!: string;

  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant-id>/v2.0' })
  @trimmed
  @IsString({ message: 'issuer must be text' })
  @MaxLength(500)
  @SingleLine()
  issuer!: string;

  @ApiProperty({ example: '00000000-0000-0000-0000-000000000000' })
  @trimmed
  @IsString({ message: 'clientId must be text' })
  @MinLength(1, { message: 'clientId must not be empty' })
  @MaxLength(300)
  @SingleLine()
  clientId!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '/run/secrets/oidc-wessex' })
  @trimmed
  @givenText('clientSecretFile')
  @IsString({ message: 'clientSecretFile must be text' })
  @Matches(/^\//, { message: 'clientSecretFile must be an absolute path' })
  @MaxLength(500)
  @SingleLine()
  clientSecretFile?: string | null;

  @ApiPropertyOptional({ example: 'openid email profile' })
  @IsOptional()
  @trimmed
  @IsString({ message: 'scopes must be text' })
  @Matches(/^(?=.*\bopenid\b)[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, {
    message: 'scopes must be space-separated scopes including openid',
  })
  @MaxLength(300)
  scopes?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'AAL2_OR_AAL3_ANY' })
  @trimmed
  @givenText('acrValues')
  @IsString({ message: 'acrValues must be text' })
  @MaxLength(300)
  @SingleLine()
  acrValues?: string | null;

  @ApiPropertyOptional({ example: 'email' })
  @IsOptional()
  @trimmed
  @IsString({ message: 'emailClaim must be text' })
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'emailClaim must be a claim name' })
  emailClaim?: string;

  @ApiPropertyOptional({ example: 'sub' })
  @IsOptional()
  @trimmed
  @IsString({ message: 'subjectClaim must be text' })
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'subjectClaim must be a claim name' })
  subjectClaim?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'requireVerifiedEmail must be true or false' })
  requireVerifiedEmail?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Everyone of the Alliance must sign in with the provider' })
  @IsOptional()
  @IsBoolean({ message: 'ssoRequired must be true or false' })
  ssoRequired?: boolean;

  @ApiProperty({ description: 'The version read; 0 while the Alliance has no provider' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0)
  version!: number;
}

/** PUT /api/alliance-sso/people/:personId */
export class SsoRequirementDto {
  @ApiProperty({ description: 'Whether this person must sign in with the Alliance provider' })
  @IsBoolean({ message: 'required must be true or false' })
  required!: boolean;
}
