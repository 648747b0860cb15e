import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { auditTrailContract } from './auditContract.js';
import { storeContract } from './contract.js';

storeContract('memory', async () => memoryAdapter());
auditTrailContract('memory', async () => memoryAdapter());
