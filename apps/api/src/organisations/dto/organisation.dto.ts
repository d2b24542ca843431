import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { SingleLine } from '../../common/validators';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Test Valley South PCN', description: 'A PCN of your Alliance' })
  @IsString()
  @MinLength(2, { message: 'name must name the PCN' })
  @MaxLength(200)
  @SingleLine()
  name!: string;
}

export class UpdateOrganisationDto extends CreateOrganisationDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}

export class OrganisationVersionDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}
