import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ChooseAllianceDto {
  @ApiProperty({ format: 'uuid', description: 'An Alliance the person holds a role in' })
  @IsUUID('all', { message: 'allianceId must be the id of an Alliance' })
  allianceId!: string;
}
