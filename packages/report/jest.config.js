import preset from '../../jest.preset.js';

export default { ...preset, displayName: '@s4nn/report' };
