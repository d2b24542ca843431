import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INVITABLE_ROLES, type InvitableRole } from '@ccc/contracts';
import { NotCommonPassword, SingleLine } from '../../common/validators';

export class InvitePersonDto {
  @ApiProperty({ example: 'sam.taylor@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  @SingleLine()
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(2, { message: 'fullName must be the person\u2019s name' })
  @MaxLength(200)
  @SingleLine()
  fullName!: string;

  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn([...INVITABLE_ROLES], { message: `role must be one of ${INVITABLE_ROLES.join(', ')}` })
  role!: InvitableRole;

  @ApiProperty({
    format: 'uuid',
    description: 'The Alliance (admin, Alliance supervisor) or the PCN (PCN supervisor, CCC)',
  })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  @NotCommonPassword()
  password!: string;
}
