/**
 * The demo community the sandbox starts with (`seed: true`). Plain data, kept in one file so a
 * reader sees the whole forum at once. Times are offsets from the forum clock at start.
 */

export interface SeedUser {
  username: string;
  name: string;
  role?: "admin" | "moderator";
  trustLevel: number;
  timezone: string;
  /** Keyed by the user-field ids in `SEED_USER_FIELDS`. */
  userFields?: Record<string, string>;
  daysAgo: number;
}

export interface SeedGroup {
  name: string;
  fullName: string;
  bio: string;
  /** 0 public … 4 owners (`Group.visibility_levels`). */
  visibilityLevel: number;
  membersVisibilityLevel: number;
  /** `Group::ALIAS_LEVELS`: 0 nobody … 3 members_mods_and_admins, 99 everyone. */
  messageableLevel: number;
  publicAdmission: boolean;
  allowMembershipRequests: boolean;
  owners: string[];
  members: string[];
}

export interface SeedCategory {
  id: number;
  name: string;
  slug: string;
  color: string;
  description: string;
  /** group name → 1 full, 2 create_post, 3 readonly. */
  permissions: Record<string, number>;
  requireTopicApproval?: boolean;
}

export interface SeedTopic {
  category: string;
  title: string;
  author: string;
  daysAgo: number;
  raw: string;
  replies: Array<{ author: string; raw: string; hoursLater: number }>;
}

/** Signup questions (Discourse user fields); ids are what `user_fields` keys on. */
export const SEED_USER_FIELDS = [
  { id: 1, name: "What brings you here", field_type: "dropdown", options: ["My own recovery", "Someone I care about", "Both"] },
  { id: 2, name: "Recovery path", field_type: "dropdown", options: ["12-step", "SMART or other secular", "Faith-based", "Medication-assisted", "Still exploring"] },
  { id: 3, name: "Time in recovery", field_type: "dropdown", options: ["Not yet", "Under 30 days", "30-90 days", "90 days-1 year", "Over a year"] },
] as const;

export const SEED_USERS: SeedUser[] = [
  { username: "alex_admin", name: "Alex (admin)", role: "admin", trustLevel: 4, timezone: "America/New_York", daysAgo: 400 },
  { username: "maria_mod", name: "Maria", role: "moderator", trustLevel: 4, timezone: "America/Chicago", daysAgo: 380 },
  { username: "sam_mod", name: "Sam", role: "moderator", trustLevel: 4, timezone: "Europe/London", daysAgo: 350 },
  { username: "kindred", name: "Kindred", role: "moderator", trustLevel: 4, timezone: "UTC", daysAgo: 300 },
  { username: "jordan", name: "Jordan", trustLevel: 2, timezone: "America/Chicago", daysAgo: 120, userFields: { "1": "My own recovery", "2": "SMART or other secular", "3": "90 days-1 year" } },
  { username: "riley", name: "Riley", trustLevel: 2, timezone: "Europe/Dublin", daysAgo: 200, userFields: { "1": "My own recovery", "2": "12-step", "3": "Over a year" } },
  { username: "casey", name: "Casey", trustLevel: 1, timezone: "Australia/Sydney", daysAgo: 20, userFields: { "1": "My own recovery", "2": "Still exploring", "3": "Under 30 days" } },
  { username: "taylor", name: "Taylor", trustLevel: 1, timezone: "America/Los_Angeles", daysAgo: 45, userFields: { "1": "Both", "2": "Medication-assisted", "3": "30-90 days" } },
  { username: "morgan", name: "Morgan", trustLevel: 2, timezone: "America/Toronto", daysAgo: 90, userFields: { "1": "My own recovery", "2": "Faith-based", "3": "90 days-1 year" } },
  { username: "dana", name: "Dana", trustLevel: 2, timezone: "Europe/London", daysAgo: 150, userFields: { "1": "My own recovery", "2": "12-step", "3": "Over a year" } },
  { username: "avery", name: "Avery", trustLevel: 1, timezone: "America/Denver", daysAgo: 30, userFields: { "1": "Someone I care about" } },
  { username: "quinn", name: "Quinn", trustLevel: 0, timezone: "Europe/Berlin", daysAgo: 1 },
];

export const SEED_GROUPS: SeedGroup[] = [
  {
    name: "early-recovery-evenings-a",
    fullName: "Early recovery — evenings A",
    bio: "A small group for the first months, meeting in the evenings (Americas).",
    visibilityLevel: 1,
    membersVisibilityLevel: 2,
    messageableLevel: 3,
    publicAdmission: false,
    allowMembershipRequests: false,
    owners: ["maria_mod"],
    members: ["jordan", "taylor"],
  },
  {
    name: "early-recovery-evenings-b",
    fullName: "Early recovery — evenings B",
    bio: "A sibling of group A with room to grow.",
    visibilityLevel: 1,
    membersVisibilityLevel: 2,
    messageableLevel: 3,
    publicAdmission: false,
    allowMembershipRequests: false,
    owners: ["sam_mod"],
    members: ["casey"],
  },
  {
    name: "family-and-friends",
    fullName: "Family and friends",
    bio: "For people who love someone in recovery.",
    visibilityLevel: 0,
    membersVisibilityLevel: 1,
    messageableLevel: 3,
    publicAdmission: true,
    allowMembershipRequests: false,
    owners: ["maria_mod"],
    members: ["avery", "taylor"],
  },
  {
    name: "lgbtq-recovery",
    fullName: "LGBTQ+ recovery",
    bio: "A space for LGBTQ+ members. The member list is visible to members only.",
    visibilityLevel: 1,
    membersVisibilityLevel: 2,
    messageableLevel: 3,
    publicAdmission: false,
    allowMembershipRequests: true,
    owners: ["sam_mod"],
    members: ["morgan"],
  },
  {
    name: "women-circle",
    fullName: "Women's circle",
    bio: "Women only; joins by request. Reads the private Women's Circle category.",
    visibilityLevel: 2,
    membersVisibilityLevel: 4,
    messageableLevel: 2,
    publicAdmission: false,
    allowMembershipRequests: true,
    owners: ["maria_mod"],
    members: ["dana", "riley"],
  },
  {
    name: "crisis-team",
    fullName: "Crisis team",
    bio: "Moderators on call for urgent alerts.",
    visibilityLevel: 3,
    membersVisibilityLevel: 3,
    messageableLevel: 2,
    publicAdmission: false,
    allowMembershipRequests: false,
    owners: ["alex_admin"],
    members: ["maria_mod", "sam_mod"],
  },
  {
    name: "greeters",
    fullName: "Greeters",
    bio: "Members who say hi to newcomers.",
    visibilityLevel: 1,
    membersVisibilityLevel: 1,
    messageableLevel: 99,
    publicAdmission: false,
    allowMembershipRequests: false,
    owners: ["riley"],
    members: ["jordan"],
  },
];

export const SEED_CATEGORIES: SeedCategory[] = [
  { id: 1, name: "Uncategorized", slug: "uncategorized", color: "0088CC", description: "Topics that need no category.", permissions: { everyone: 1 } },
  { id: 2, name: "General", slug: "general", color: "25AAE2", description: "Talk about anything recovery related.", permissions: { everyone: 1 } },
  { id: 3, name: "Introductions", slug: "introductions", color: "F7941D", description: "Say hello. New introductions are checked by a moderator first.", permissions: { everyone: 1 }, requireTopicApproval: true },
  { id: 4, name: "Check-ins", slug: "check-ins", color: "3AB54A", description: "Daily and weekly check-ins.", permissions: { everyone: 1 } },
  { id: 5, name: "Women's Circle", slug: "womens-circle", color: "BF1E2E", description: "Private to the women-circle group.", permissions: { "women-circle": 1 } },
  { id: 6, name: "Staff", slug: "staff", color: "E45735", description: "Private category for staff discussions.", permissions: { staff: 1 } },
];

export const SEED_TOPICS: SeedTopic[] = [
  {
    category: "general",
    title: "Welcome to the community",
    author: "alex_admin",
    daysAgo: 300,
    raw: "Welcome! This is a peer-support space for people in recovery and those who care about them. Every path is welcome here.",
    replies: [{ author: "riley", raw: "Glad to be here. Two years in and this place still helps.", hoursLater: 30 }],
  },
  {
    category: "check-ins",
    title: "Weekly check-in: how is everyone doing",
    author: "jordan",
    daysAgo: 3,
    raw: "Day 100 today. The evenings are still the hardest part but the group helps.",
    replies: [
      { author: "riley", raw: "Congratulations on 100 days! Evenings get easier.", hoursLater: 2 },
      { author: "taylor", raw: "Checking in too. Had a craving last night and called my sponsor instead.", hoursLater: 5 },
    ],
  },
  {
    category: "introductions",
    title: "Hi from Sydney",
    author: "casey",
    daysAgo: 2,
    raw: "Hi all, I'm a couple of weeks in and still figuring out what works for me.",
    replies: [{ author: "morgan", raw: "Welcome Casey, glad you found us.", hoursLater: 4 }],
  },
  {
    category: "womens-circle",
    title: "Circle notes for this week",
    author: "dana",
    daysAgo: 1,
    raw: "Private to the circle: thank you for listening on Tuesday.",
    replies: [],
  },
  {
    category: "staff",
    title: "Moderator rota",
    author: "maria_mod",
    daysAgo: 10,
    raw: "Maria covers US evenings, Sam covers UK mornings.",
    replies: [],
  },
];
