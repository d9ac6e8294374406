import type { ChatMember, User } from "grammy/types";

/** A member's status as `getChatMember` reports it. */
export type MemberStatus = ChatMember["status"];

/** The ChatMember object Telegram sends for `user` with `status` (an admin with the usual rights). */
export function chatMember(user: User, status: MemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_send_welcome_messages: false,
      };
    case "restricted":
      return { status, user, until_date: 0, is_member: true, ...RESTRICTED_RIGHTS };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

// A muted member: in the group but allowed nothing.
const RESTRICTED_RIGHTS = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
  can_react_to_messages: false,
  can_change_info: false,
  can_invite_users: false,
  can_edit_tag: false,
  can_pin_messages: false,
  can_manage_topics: false,
};
