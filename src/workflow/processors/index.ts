// The one typed map from job name to processor. Adding a job name to JOB_SCHEMAS without a processor
// here is a type error; a job arriving with an unknown name fails loudly in the dispatcher.
import type { ProcessorMap } from '../worker.ts';
import { caseReceived } from './case-received.processor.ts';
import { clockAlarm } from './clock-alarm.processor.ts';
import { clocksReconcile } from './clocks-reconcile.processor.ts';
import { hotspotsScan } from '../../publication/hotspots.processor.ts';
import { smsNotice } from '../../notices/sms-notice.ts';
import { edgeSync } from '../../publication/edge-sync.processor.ts';
import { rewardSms } from '../../rewards/sms.port.ts';

export const PROCESSORS: ProcessorMap = {
  'case.received': caseReceived,
  'clock.alarm': clockAlarm,
  'clocks.reconcile': clocksReconcile,
  'hotspots.scan': hotspotsScan,
  'notice.sms': smsNotice,
  'edge.sync': edgeSync,
  'reward.sms': rewardSms,
};
