import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Crisis watch's tables. Assessments keep cues and reasons, never the post's text. */
declare module "../../plugins/store/database.ts" {
  interface Database {
    crisis_assessments: {
      post_id: number;
      /** The post version (edits are assessed again); 0 for posts held in the approval queue. */
      version: number;
      topic_id: number | null;
      user_id: number | null;
      level: string;
      lanes: ColumnType<string[], string, string>;
      /** Cue ids and reasons shown to moderators (no sentences: those stay on the forum). */
      cues: ColumnType<string[], string, string>;
      score: number;
      source: string;
      mode: string;
      written_at: Timestamp;
      assessed_at: Timestamp;
    };
    crisis_alerts: {
      id: Generated<number>;
      post_id: number;
      topic_id: number | null;
      user_id: number | null;
      level: string;
      lanes: ColumnType<string[], string, string>;
      reviewable_id: number | null;
      alert_topic_id: number | null;
      flagged: boolean;
      card_sent: boolean;
      escalation_step: number;
      next_escalation_at: Timestamp | null;
      acted_at: Timestamp | null;
      acted_by: string | null;
      outcome: string | null;
      created_at: Timestamp;
    };
  }
}
