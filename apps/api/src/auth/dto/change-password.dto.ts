import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NotCommonPassword } from '../../common/validators';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(200)
  @NotCommonPassword()
  newPassword!: string;
}
