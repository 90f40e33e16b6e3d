import { hello } from '@civic/domain';
console.log(hello());
