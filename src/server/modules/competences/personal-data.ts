import type { Holding } from "#server/platform/personal-data.ts";
import { competenceProfiles, competenceProfileVersions, competenceShares } from "./tables.ts";

/** The client's competence profile, its versions (one per sitting) and the snapshots shared from it. */
export const COMPETENCE_HOLDINGS: readonly Holding[] = [
  {
    key: "competenceProfiles",
    table: competenceProfiles,
    parent: "client",
    via: competenceProfiles.clientId,
    id: competenceProfiles.id,
    order: competenceProfiles.createdAt,
  },
  {
    key: "competenceProfileVersions",
    table: competenceProfileVersions,
    parent: "competenceProfiles",
    via: competenceProfileVersions.profileId,
    id: competenceProfileVersions.profileId,
    order: competenceProfileVersions.version,
  },
  {
    key: "competenceShares",
    table: competenceShares,
    parent: "competenceProfiles",
    via: competenceShares.profileId,
    id: competenceShares.id,
    order: competenceShares.sharedAt,
  },
];
