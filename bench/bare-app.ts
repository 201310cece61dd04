// The floor for the ack benchmark: a bare Bolt app answering /passerelle with a static text.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/passerelle', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Passerelle — help' });
});
const server = await receiver.start(0);
process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
