import { describe, expect, it } from 'vitest';
import {
  blockHtml,
  blocksHtml,
  mrkdwnToHtml,
  type RenderContext,
  viewHtml,
} from '../../sandbox/render/block-kit-html.js';

/** A viewer in New York on Monday 9 March 2026, 08:00 local, knowing two people and a channel. */
function viewer(over: Partial<RenderContext> = {}): RenderContext {
  const users = [
    { id: 'UMAYA', name: 'Maya Laurent' },
    { id: 'USAM', name: 'Sam Rivera' },
  ];
  const conversations = [{ id: 'CTEAM', name: '#team-payments' }];
  return {
    zone: 'America/New_York',
    locale: 'en-US',
    now: new Date('2026-03-09T12:00:00Z'),
    users,
    conversations,
    userName: (id) => users.find((u) => u.id === id)?.name,
    channelName: (id) => (id === 'CTEAM' ? 'team-payments' : undefined),
    ...over,
  };
}

const md = (text: string, over: Partial<RenderContext> = {}) => mrkdwnToHtml(text, viewer(over));

describe('mrkdwn → HTML', () => {
  it('writes bold, italics, strike and code, and leaves a lone star alone', () => {
    expect(md('*Done* and _soon_ ~never~ `npm ci`')).toBe(
      '<b>Done</b> and <i>soon</i> <s>never</s> <code class="mk-code">npm ci</code>',
    );
    expect(md('5 * 3 = 15')).toBe('5 * 3 = 15');
    expect(md('```\nconst a = 1 < 2;\n```')).toBe('<pre class="mk-pre">const a = 1 &lt; 2;\n</pre>');
  });

  it('escapes every character of the text, Slack-escaped or not', () => {
    expect(md('<script>alert(1)</script>')).not.toContain('<script');
    expect(md('&lt;img src=x onerror=alert(1)&gt; & "quotes"')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;',
    );
    expect(md('`<b>`')).toBe('<code class="mk-code">&lt;b&gt;</code>');
  });

  it('links safe URLs only, with their label', () => {
    expect(md('<https://example.com/a?b=1&amp;c=2|the docs>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(md('<javascript:alert(1)|click>')).toBe('click');
    expect(md('<https://x.test/" onclick="a|x>')).toContain('href="https://x.test/&quot; onclick=&quot;a"');
  });

  it('names mentioned people and channels from the directory', () => {
    expect(md('<@UMAYA> in <#CTEAM> <!here>')).toBe(
      '<span class="mk-mention" data-user="UMAYA">@Maya Laurent</span> in <span class="mk-mention mk-channel">#team-payments</span> <span class="mk-mention mk-special">@here</span>',
    );
    expect(md('<@UNKNOWN|someone>')).toContain('@someone');
    expect(md('<#CUNKNOWN|old-channel>')).toContain('#old-channel');
  });

  it('writes <!date> in the viewer’s zone and language, today/tomorrow from the viewer’s now', () => {
    // 16 March 2026 14:00 UTC = 10:00 in New York, 15:00 in Paris.
    const token = '<!date^1773669600^{date_long} at {time}|16 March 2026>';
    expect(md(token)).toContain('Monday, March 16, 2026 at 10:00 AM');
    expect(md(token, { zone: 'Europe/Paris', locale: 'fr-FR' })).toContain('lundi 16 mars 2026 at 15:00');
    expect(md('<!date^1773064800^{date_pretty}|x>')).toContain('>today<');
    expect(md('<!date^1773151200^{date_short_pretty}|x>')).toContain('>tomorrow<');
    expect(md('<!date^1773669600^{date_num}|x>')).toContain('>2026-03-16<');
    expect(md('<!date^oops^{date}|the fallback>')).toBe('the fallback');
  });
});

describe('Block Kit → HTML', () => {
  const ctx = viewer();

  it('section: text, fields and a button accessory carrying its ids and value', () => {
    const html = blockHtml(
      {
        type: 'section',
        block_id: 'item:1',
        text: { type: 'mrkdwn', text: '*Accounts* given' },
        fields: [{ type: 'plain_text', text: 'Manager' }],
        accessory: {
          type: 'button',
          action_id: 'onboarding.toggle',
          value: 'a"b<c>',
          style: 'primary',
          text: { type: 'plain_text', text: 'Mark as done' },
        },
      },
      ctx,
    );
    expect(html).toContain('<b>Accounts</b> given');
    expect(html).toContain('<div class="bk-fields"><div>Manager</div></div>');
    expect(html).toContain('class="bk-el bk-button bk-primary"');
    expect(html).toContain('data-action-id="onboarding.toggle"');
    expect(html).toContain('data-block-id="item:1"');
    expect(html).toContain('data-value="a&quot;b&lt;c&gt;"');
    expect(html).toContain('>Mark as done</button>');
  });

  it('header, divider, context, image and unknown blocks', () => {
    const html = blocksHtml(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Check-in <1>' } },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '_due_ today' }] },
        { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a "chart"' },
        { type: 'video' },
      ],
      ctx,
    );
    expect(html).toContain('<h3 class="bk-block bk-header">Check-in &lt;1&gt;</h3>');
    expect(html).toContain('<hr class="bk-block bk-divider">');
    expect(html).toContain('<span><i>due</i> today</span>');
    expect(html).toContain(
      '<img class="bk-picture" src="https://example.com/a.png" alt="a &quot;chart&quot;"',
    );
    expect(html).toContain('[video]');
  });

  it('a message without blocks shows its text as mrkdwn', () => {
    expect(blocksHtml(undefined, ctx, 'Hello *Sam*')).toBe('<div class="bk-text">Hello <b>Sam</b></div>');
  });

  it('actions: overflow, static select, users select, datepicker, timepicker, checkboxes, radio buttons', () => {
    const html = blockHtml(
      {
        type: 'actions',
        block_id: 'menu',
        elements: [
          {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Cancel the mission' }, value: 'cancel' }],
          },
          {
            type: 'static_select',
            action_id: 'day',
            options: [
              { text: { type: 'plain_text', text: 'Monday' }, value: '1' },
              { text: { type: 'plain_text', text: 'Tuesday' }, value: '2' },
            ],
            initial_option: { text: { type: 'plain_text', text: 'Tuesday' }, value: '2' },
          },
          { type: 'users_select', action_id: 'who', initial_user: 'USAM' },
          { type: 'conversations_select', action_id: 'where' },
          { type: 'datepicker', action_id: 'when', initial_date: '2026-03-16' },
          { type: 'timepicker', action_id: 'at', initial_time: '10:00' },
          {
            type: 'checkboxes',
            action_id: 'ticks',
            options: [
              { text: { type: 'mrkdwn', text: '*One*' }, value: 'one' },
              { text: { type: 'plain_text', text: 'Two' }, value: 'two' },
            ],
            initial_options: [{ text: { type: 'plain_text', text: 'Two' }, value: 'two' }],
          },
          {
            type: 'radio_buttons',
            action_id: 'pick',
            options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'yes' }],
          },
        ],
      },
      ctx,
    );
    expect(html).toContain(
      '<option value="">⋯</option><option value="cancel" data-text="Cancel the mission">',
    );
    expect(html).toContain('<option value="2" selected data-text="Tuesday">Tuesday</option>');
    expect(html).toContain('<option value="USAM" selected>Sam Rivera</option>');
    expect(html).toContain('<option value="CTEAM">#team-payments</option>');
    expect(html).toContain('type="date" value="2026-03-16"');
    expect(html).toContain('type="time" value="10:00"');
    expect(html).toContain('<input type="checkbox" name="menu/ticks" value="two" checked data-text="Two">');
    expect(html).toContain('<span><b>One</b></span>');
    expect(html).toContain('<input type="radio" name="menu/pick" value="yes" data-text="Yes">');
    // Elements of an actions block send block_actions on change.
    expect(html.match(/data-dispatch/g)?.length).toBeGreaterThanOrEqual(7);
  });

  it('input: label, optional, hint, text value escaped, the field error, dispatch_action', () => {
    const block = {
      type: 'input',
      block_id: 'brief',
      optional: true,
      label: { type: 'plain_text', text: 'Brief' },
      hint: { type: 'plain_text', text: 'What matters' },
      element: {
        type: 'plain_text_input',
        action_id: 'brief',
        multiline: true,
        initial_value: '</textarea><script>x</script>',
        max_length: 2000,
      },
    };
    const html = blockHtml(block, { ...ctx, errors: { brief: 'Too <long>' } });
    // The label names its field (for="…" = the field's id), as assistive technology needs.
    expect(html).toContain(
      '<label class="bk-label" for="bk--brief-brief">Brief <span class="bk-optional">(optional)</span></label>',
    );
    expect(html).toContain('id="bk--brief-brief"');
    // In French, the page's own words are French.
    expect(blockHtml(block, viewer({ locale: 'fr-FR' }))).toContain('(facultatif)');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(html).toContain('<div class="bk-hint">What matters</div>');
    expect(html).toContain('<div class="bk-error" role="alert">Too &lt;long&gt;</div>');
    expect(html).toContain('data-stateful');
    expect(html).not.toContain('data-dispatch ');
    const dispatching = blockHtml(
      {
        type: 'input',
        block_id: 'skills',
        dispatch_action: true,
        label: { type: 'plain_text', text: 'Skills' },
        element: { type: 'plain_text_input', action_id: 'skills' },
      },
      ctx,
    );
    expect(dispatching).toContain('data-dispatch data-dispatch-on="enter"');
  });

  it('rich_text: sections with styles, links, mentions and lists', () => {
    const html = blockHtml(
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'Hi ', style: { bold: true } },
              { type: 'user', user_id: 'UMAYA' },
              { type: 'link', url: 'https://example.com', text: 'docs' },
            ],
          },
          {
            type: 'rich_text_list',
            style: 'ordered',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '<one>' }] }],
          },
        ],
      },
      ctx,
    );
    expect(html).toContain('<b>Hi </b><span class="mk-mention">@Maya Laurent</span>');
    expect(html).toContain('>docs</a>');
    expect(html).toContain('<ol class="rt-list" style="margin-left:0em"><li>&lt;one&gt;</li></ol>');
  });

  it('a modal: title, blocks, close and submit buttons', () => {
    const html = viewHtml(
      {
        type: 'modal',
        title: { type: 'plain_text', text: 'New mission' },
        submit: { type: 'plain_text', text: 'Start' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [{ type: 'divider' }],
      },
      ctx,
    );
    expect(html).toContain('<h2 class="bk-modal-title" id="bk-modal-title">New mission</h2>');
    expect(html).toContain('data-modal="close">Cancel</button>');
    expect(html).toContain('data-modal="submit">Start</button>');
    expect(viewHtml({ type: 'home', blocks: [] }, ctx)).toBe('<div class="bk-view bk-home"></div>');
  });
});

describe('emoji and quotes, as Slack shows them', () => {
  it('writes every shortcode the app uses as its emoji, from emoji-datasource, skin tones included', () => {
    expect(md(':lock: Private · :warning: late · :wave: Hello')).toBe('🔒 Private · ⚠️ late · 👋 Hello');
    expect(md('Done :white_check_mark: :+1::skin-tone-3:')).toBe('Done ✅ 👍🏼');
    // Not a shortcode: times, unknown names, and code stay as written.
    expect(md('at 10:00:30 :not-an-emoji-name:')).toBe('at 10:00:30 :not-an-emoji-name:');
    expect(md('`:wave:`')).toBe('<code class="mk-code">:wave:</code>');
    const button = blockHtml(
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'a', text: { type: 'plain_text', text: ':tada: Go', emoji: true } },
        ],
      },
      viewer(),
    );
    expect(button).toContain('🎉 Go');
    expect(
      blockHtml({ type: 'header', text: { type: 'plain_text', text: ':seedling: Pool' } }, viewer()),
    ).toContain('🌱 Pool');
  });

  it('writes lines starting with > (Slack-escaped or not, space or none) as one quote', () => {
    expect(md('Her words:\n>Left a roadmap\n>the team follows.\nThanks')).toBe(
      'Her words:<blockquote class="mk-quote">Left a roadmap<br>the team follows.</blockquote>Thanks',
    );
    expect(md('&gt; quoted *bold*')).toBe('<blockquote class="mk-quote">quoted <b>bold</b></blockquote>');
    expect(md('5 > 3')).toBe('5 &gt; 3');
  });

  it('shows no raw :code: and no &gt; in any message the app sends (the class of the bug)', () => {
    const samples = [':lock: *Private*', '>quoted\n>two', 'a &gt; b', ':warning: :wave:'];
    for (const text of samples) {
      const html = md(text);
      expect(html.replace(/<[^>]+>/g, '')).not.toMatch(/:[a-z0-9_+-]+:/);
      expect(html).not.toContain('&amp;gt;');
    }
  });
});
