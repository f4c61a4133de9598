import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '@tricolor/core';

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES)
  teamRole: TeamRole;
}

export class TeamMemberResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: "The user's system role" }) role: string;
  @ApiProperty({ type: String, nullable: true }) unitCode: string | null;
  @ApiProperty({ enum: TEAM_ROLES }) teamRole: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
  @ApiProperty() addedBy: string;
}

export class TeamCommunityResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() streetCode: string;
}

export class TeamCountsResponse {
  @ApiProperty() cadre: number;
  @ApiProperty() community_police: number;
  @ApiProperty() auxiliary_police: number;
  @ApiProperty() grid_worker: number;
  @ApiProperty() volunteer: number;
}

export class TeamResponse {
  @ApiProperty({ type: TeamCommunityResponse }) community: TeamCommunityResponse;
  @ApiProperty({ type: [TeamMemberResponse] }) members: TeamMemberResponse[];
  @ApiProperty({ type: TeamCountsResponse }) counts: TeamCountsResponse;
  @ApiProperty({ type: [String], description: 'What the team lacks to be 1+1+2+N+N' })
  gaps: string[];
}

export class TeamChangeResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: TEAM_ROLES }) teamRole: string;
  @ApiProperty({ enum: ['added', 'removed'] }) change: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}
