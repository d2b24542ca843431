import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { SingleLine } from '../../common/validators';

const ALLIANCE_ROLES = ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'] as const;

export class EndRoleDto {
  @ApiProperty({ enum: ALLIANCE_ROLES })
  @IsIn([...ALLIANCE_ROLES], { message: `role must be one of ${ALLIANCE_ROLES.join(', ')}` })
  role!: (typeof ALLIANCE_ROLES)[number];

  @ApiProperty({ format: 'uuid', description: 'Where the role is held: the Alliance or one of its PCNs' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;
}

export class PersonVersionDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}

/** A field left out stays as it is; a new e-mail address is held until its owner confirms it. */
export class UpdatePersonDto extends PersonVersionDto {
  @ApiPropertyOptional({ example: 'Sam Taylor' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'fullName must be the person’s full name' })
  @MaxLength(200)
  @SingleLine()
  fullName?: string;

  @ApiPropertyOptional({ example: 'sam.taylor@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;
}
