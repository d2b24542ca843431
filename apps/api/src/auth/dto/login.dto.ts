import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine } from '../../common/validators';

export class LoginDto {
  @ApiProperty({ example: 'ccc@example.org' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  @SingleLine()
  email!: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}
