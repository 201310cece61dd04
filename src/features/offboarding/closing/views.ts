import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { formatDate, mention, type Translate } from '../../../i18n/index.js';
import { button, buttonRow } from '../../../slack/blocks.js';
import type { OutgoingMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn, truncate } from '../../../slack/mrkdwn.js';
import type { Mission } from '../../missions/index.js';
import { itemLine } from '../handover/views.js';
import { FOLLOW_UP, PRIVATE_MODAL, VIEW_PRIVATE } from '../ids.js';
import type { HandoverItemDoc, Offboarding } from '../model.js';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 2900) },
});
const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 75) });

/** To the freelancer at closing: thanks, the recommendation when the manager shared it, the Home line. */
export function closedFreelancerMessage(tr: Translate, mission: Mission, off: Offboarding): OutgoingMessage {
  const title = escapeMrkdwn(mission.title);
  const blocks: KnownBlock[] = [
    section(tr('offboarding.closed.thanks', { title, manager: mission.managerId })),
  ];
  const ev = off.evaluation;
  if (ev?.shareRecommendation && ev.recommendation.trim() !== '') {
    blocks.push(section(tr('offboarding.closed.recommendation', { manager: mission.managerId })));
    blocks.push(section(`>${escapeMrkdwn(ev.recommendation).replace(/\n/g, '\n>')}`));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: tr('offboarding.closed.profile') }] });
  return { text: tr('offboarding.closed.thanksFallback', { title: mission.title }), blocks };
}

/** To the manager at closing: the handover card, and a button to read the private part (checked on click). */
export function closedManagerMessage(
  tr: Translate,
  mission: Mission,
  items: readonly HandoverItemDoc[],
  off: Offboarding,
  reader: { locale: Locale; zone: string },
): OutgoingMessage {
  const blocks: KnownBlock[] = [
    section(
      tr('offboarding.closed.manager', {
        title: escapeMrkdwn(mission.title),
        freelancer: mission.freelancerId,
      }),
    ),
    section(`*${tr('offboarding.card.header')}*`),
    ...items.slice(0, 20).map((i) => section(itemLine(tr, i, reader.locale, reader.zone))),
  ];
  if (off.feedbackState === 'notGiven') blocks.push(section(tr('offboarding.closed.noFeedback')));
  blocks.push(
    buttonRow(
      'offboarding.closed',
      button(tr('offboarding.private.view'), VIEW_PRIVATE, String(mission._id)),
    ),
  );
  return { text: tr('offboarding.closed.managerFallback', { title: mission.title }), blocks };
}

/**
 * To the manager after an evaluation that says "renewed": a button that opens the follow-up
 * mission modal. A view submission cannot open a new modal with views.open once it has closed,
 * and `response_action: update/push` would have to build the mission modal inside the 3-second
 * ack (its template list and the manager's language included) and lose the evaluation's "saved"
 * confirmation; a button gives a fresh trigger_id, opens `openMissionStart` as every other entry
 * does, and stays there if the manager wants to create the mission later.
 */
export function renewalMessage(tr: Translate, mission: Mission): OutgoingMessage {
  const text = tr('offboarding.renewal.text', {
    title: escapeMrkdwn(mission.title),
    freelancer: mission.freelancerId,
  });
  // Once the follow-up exists, the button gives way to a line saying so (nothing stale to click).
  const next: KnownBlock = mission.nextMissionId
    ? { type: 'context', elements: [{ type: 'mrkdwn', text: tr('offboarding.state.followUpCreated') }] }
    : buttonRow(
        'offboarding.renewal',
        button(tr('offboarding.renewal.button'), FOLLOW_UP, String(mission._id), 'primary'),
      );
  return { text, blocks: [section(text), next] };
}

const yes = (tr: Translate, b: boolean | undefined) => (b ? tr('offboarding.yes') : tr('offboarding.no'));

/** The private part of an offboarding (managers and admins only: the caller checks). */
export function privateModal(
  tr: Translate,
  mission: Mission,
  off: Offboarding,
  reader: { locale: Locale; zone: string },
): ModalView {
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(mission.title)}* — ${mention(tr, mission.freelancerId)}`),
    { type: 'context', elements: [{ type: 'mrkdwn', text: tr('offboarding.private.notice') }] },
  ];
  const ev = off.evaluation;
  if (ev) {
    blocks.push(
      section(
        [
          `*${tr('offboarding.private.evaluation')}* (${formatDate(ev.at, reader.locale, reader.zone)}, ${mention(tr, ev.by)})`,
          tr('offboarding.private.rating', { rating: ev.rating }),
          tr('offboarding.private.skills', { skills: escapeMrkdwn(ev.skills.join(', ') || '—') }),
          tr('offboarding.private.rehire', { answer: yes(tr, ev.wouldRehire) }),
          tr('offboarding.private.renewed', { answer: yes(tr, ev.renewed) }),
          tr('offboarding.private.recommendation', {
            text: escapeMrkdwn(ev.recommendation || '—'),
            shared: yes(tr, ev.shareRecommendation),
          }),
          tr('offboarding.private.note', { text: escapeMrkdwn(ev.privateNote || '—') }),
        ].join('\n'),
      ),
    );
  } else blocks.push(section(tr('offboarding.private.noEvaluation')));
  const fb = off.feedback;
  if (fb) {
    blocks.push(
      section(
        [
          `*${tr('offboarding.private.feedback')}*`,
          tr('offboarding.private.scores', {
            overall: fb.overall,
            onboarding: fb.onboarding,
            communication: fb.communication,
            recognition: fb.recognition,
          }),
          tr('offboarding.private.again', { answer: yes(tr, fb.wouldWorkAgain), recommend: fb.recommend }),
          tr('offboarding.private.improve', { text: escapeMrkdwn(fb.improve || '—') }),
        ].join('\n'),
      ),
    );
  } else
    blocks.push(
      section(
        tr(
          off.feedbackState === 'notGiven'
            ? 'offboarding.closed.noFeedback'
            : 'offboarding.private.noFeedback',
        ),
      ),
    );
  return {
    type: 'modal',
    callback_id: PRIVATE_MODAL,
    title: plain(tr('offboarding.private.title').slice(0, 24)),
    close: plain(tr('offboarding.modal.close').slice(0, 24)),
    blocks,
  };
}
