import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsObject, IsOptional, Min, ValidateNested } from 'class-validator';
import type { ReminderKind } from '@ccc/programme';

const onOff = (kind: ReminderKind) => ({ message: `${kind} must be true (send) or false (do not send)` });

/** Each kind on or off; a kind left out keeps its setting (the form sends the kinds it shows). */
export class ReminderKindsDto implements Partial<Record<ReminderKind, boolean>> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('session_tomorrow'))
  session_tomorrow?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('slot_awaiting_pcn'))
  slot_awaiting_pcn?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('evidence_awaiting_review'))
  evidence_awaiting_review?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('plan_month_ending'))
  plan_month_ending?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('release_unconfirmed'))
  release_unconfirmed?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('handover_to_sign'))
  handover_to_sign?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(onOff('duty_can_be_confirmed'))
  duty_can_be_confirmed?: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: ReminderKindsDto })
  @IsDefined({ message: 'enabled must say, for each kind of reminder, whether to send it' })
  @IsObject({ message: 'enabled must say, for each kind of reminder, whether to send it' })
  @ValidateNested()
  @Type(() => ReminderKindsDto)
  enabled!: ReminderKindsDto;

  @ApiProperty({ description: 'The version read; 0 before the first save' })
  @IsInt({ message: 'version must be the version you read' })
  @Min(0, { message: 'version must be the version you read' })
  version!: number;
}
