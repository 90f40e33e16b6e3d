import { deciderSpec } from '@civic/testing';
import { UnitsOnDate } from '../shared/unit-context';
import { LaunchEmulationMovement, ReviewEmulationMovement } from './movement.commands';
import { movementDecider } from './movement.decider';
import { EmulationMovementLaunched, EmulationMovementLaunchedData, EmulationMovementReviewed } from './movement.events';

const UNITS: UnitsOnDate = {
  '00295': { code: '00295', level: 'COMMUNE', name: 'Phường Minh Khai', type: 'Phường', provinceCode: '01' },
  '20206': { code: '20206', level: 'COMMUNE', name: 'Phường Thanh Khê Tây', type: 'Phường', provinceCode: '48' },
};

/** Minh Khai, 12/01/2021: the ward People's Committee launches the 2021 emulation movement (seed 000). */
const minhKhai2021: EmulationMovementLaunchedData = {
  movementId: '0b7f3c2e-9a41-4d5e-8c6f-1a2b3c4d5e6f',
  name: 'Phong trào thi đua năm 2021',
  kind: 'PHONG_TRAO',
  form: 'THUONG_XUYEN',
  scope: 'DIA_PHUONG',
  launchedBy: { body: 'UBND', unitCode: '00295' },
  launchedOn: '2021-01-12',
  period: { from: '2021-01-01', to: '2021-12-31' },
  criteria: ['Hoàn thành xuất sắc các chỉ tiêu kinh tế - xã hội năm 2021'],
  parentMovementId: null,
  meetingId: null,
};

const launch = (data: Partial<EmulationMovementLaunchedData> = {}): LaunchEmulationMovement => ({
  type: 'LaunchEmulationMovement',
  data: { ...minhKhai2021, ...data },
  metadata: { receivedOn: '2026-11-23', units: UNITS },
});
const launched = (data: Partial<EmulationMovementLaunchedData> = {}): EmulationMovementLaunched => ({
  type: 'EmulationMovementLaunched',
  data: { ...minhKhai2021, ...data },
});
const reviewCommand = (reviewKind: 'SO_KET' | 'TONG_KET', reviewedOn: string): ReviewEmulationMovement => ({
  type: 'ReviewEmulationMovement',
  data: { movementId: minhKhai2021.movementId, reviewKind, reviewedOn, meetingId: null, findings: null },
  metadata: { receivedOn: '2026-11-23' },
});
const reviewed = (reviewKind: 'SO_KET' | 'TONG_KET', reviewedOn: string): EmulationMovementReviewed => ({
  type: 'EmulationMovementReviewed',
  data: { ...reviewCommand(reviewKind, reviewedOn).data, unitCode: '00295' },
});

describe('movementDecider', () => {
  const spec = deciderSpec(movementDecider);

  it('records a movement launched by the ward People’s Committee', () => {
    spec.given([]).when(launch()).then([launched()]);
  });

  it('records "Dân vận khéo" led by the ward’s Mass Mobilisation Bloc', () => {
    const danVanKheo = { name: 'Dân vận khéo', launchedBy: { body: 'KHOI_DAN_VAN' as const, unitCode: '20206' }, launchedOn: '2021-02-01', period: { from: '2021-02-01', to: null } };
    spec.given([]).when(launch(danVanKheo)).then([launched(danVanKheo)]);
  });

  it('refuses a launcher that does not launch movements, naming Art. 18', () => {
    spec.given([]).when(launch({ launchedBy: { body: 'BCD_QCDC', unitCode: '00295' } })).thenRefuses('MOVEMENT.LAUNCHER_NOT_ALLOWED', 'launchedBy/body');
  });

  it('refuses a launcher body that did not exist at the unit on the date (a Đà Nẵng ward HĐND in 2022)', () => {
    spec
      .given([])
      .when(launch({ launchedBy: { body: 'HDND', unitCode: '20206' }, launchedOn: '2022-03-01', period: { from: '2022-03-01', to: null } }))
      .thenRefuses('MOVEMENT.LAUNCHER_DID_NOT_EXIST', 'launchedBy/body');
  });

  it('refuses a People’s Committee launching a Front campaign (cuộc vận động)', () => {
    spec.given([]).when(launch({ kind: 'CUOC_VAN_DONG' })).thenRefuses('MOVEMENT.LAUNCHER_NOT_ALLOWED');
  });

  it('refuses a nationwide scope from a ward body', () => {
    spec.given([]).when(launch({ scope: 'TOAN_QUOC' })).thenRefuses('MOVEMENT.SCOPE_BEYOND_LAUNCHER', 'scope');
  });

  it('refuses a launcher unit not in force, a reversed period and a launch in the future', () => {
    spec.given([]).when({ ...launch(), metadata: { receivedOn: '2026-11-23', units: { '00295': null } } }).thenRefuses('MOVEMENT.LAUNCHER_UNIT_NOT_IN_FORCE');
    spec.given([]).when(launch({ period: { from: '2021-12-31', to: '2021-01-01' } })).thenRefuses('MOVEMENT.PERIOD_REVERSED', 'period/to');
    spec.given([]).when({ ...launch(), metadata: { receivedOn: '2021-01-11', units: UNITS } }).thenRefuses('MOVEMENT.LAUNCHED_IN_FUTURE');
  });

  it('records an interim then a final review; the final one concludes the movement', () => {
    spec.given([launched()]).when(reviewCommand('SO_KET', '2021-07-10')).then([reviewed('SO_KET', '2021-07-10')]);
    spec.given([launched(), reviewed('SO_KET', '2021-07-10')]).when(reviewCommand('TONG_KET', '2022-01-12')).then([reviewed('TONG_KET', '2022-01-12')]);
    spec.given([launched(), reviewed('TONG_KET', '2022-01-12')]).when(reviewCommand('SO_KET', '2022-02-01')).thenRefuses('MOVEMENT.ALREADY_CONCLUDED');
  });

  it('refuses a review before the launch, before the previous review, or of no movement', () => {
    spec.given([launched()]).when(reviewCommand('SO_KET', '2020-12-01')).thenRefuses('MOVEMENT.REVIEW_OUT_OF_TIME', 'reviewedOn');
    spec.given([launched(), reviewed('SO_KET', '2021-07-10')]).when(reviewCommand('SO_KET', '2021-06-01')).thenRefuses('MOVEMENT.REVIEW_BEFORE_PREVIOUS');
    spec.given([]).when(reviewCommand('SO_KET', '2021-07-10')).thenRefuses('MOVEMENT.NOT_FOUND');
  });
});
