import { LaunchEmulationMovement, ReviewEmulationMovement, UnitsOnDate } from '@civic/domain';

/** Phường Minh Khai, as the unit registry answers for it, for commands decided without the registry. */
export const MINH_KHAI_UNITS: UnitsOnDate = { '00295': { code: '00295', level: 'COMMUNE', name: 'Phường Minh Khai', type: 'Phường', provinceCode: '01' } };

/** Minh Khai's 2021 emulation movement, launched on 12/01/2021 (seed 000), as the command that records it. */
export function minhKhaiMovementLaunch(movementId: string): LaunchEmulationMovement {
  return {
    type: 'LaunchEmulationMovement',
    data: {
      movementId, name: 'Phong trào thi đua năm 2021', kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: '00295' }, launchedOn: '2021-01-12', period: { from: '2021-01-01', to: '2021-12-31' },
      criteria: ['Hoàn thành xuất sắc các chỉ tiêu kinh tế - xã hội năm 2021'], parentMovementId: null, meetingId: null,
    },
    metadata: { receivedOn: '2026-11-23', units: MINH_KHAI_UNITS },
  };
}

/** A review of that movement on 15/07/2021: interim (sơ kết) or final (tổng kết). */
export function movementReview(movementId: string, reviewKind: 'SO_KET' | 'TONG_KET'): ReviewEmulationMovement {
  return {
    type: 'ReviewEmulationMovement',
    data: { movementId, reviewKind, reviewedOn: '2021-07-15', meetingId: null, findings: null },
    metadata: { receivedOn: '2026-11-23' },
  };
}
