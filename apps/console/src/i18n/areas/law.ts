/**
 * Issue 16, points 8–9 (docs/law.md): guardians and agents, private mediation, the mediation
 * type, and the outcome the parties' own settlement closes with.
 */
export const zhCN = {
  'law.party.capacity': '行为能力',
  'law.capacity.full': '完全民事行为能力',
  'law.capacity.minor': '未成年人',
  'law.capacity.incapacitated': '无/限制民事行为能力',
  'law.party.representative': '代理人',
  'law.representative.none': '无（本人参加）',
  'law.representative.guardian': '监护人',
  'law.representative.agent': '委托代理人',
  'law.party.representativeName': '代理人姓名',
  'law.party.relation': '与当事人关系',
  'law.party.guardianRequired': '未成年人或无/限制民事行为能力人须由监护人代为参加调解并签字',
  'law.party.guardianOnlyForWard':
    '监护人仅适用于未成年人或无/限制民事行为能力人，本人可委托代理人',
  'law.case.settings': '公开方式',
  'law.case.mediationType': '调解类型',
  'law.mediationType.people': '人民调解',
  'law.mediationType.police': '治安调解',
  'law.mediationType.court': '诉前/法院调解',
  'law.case.private': '不公开调解（当事人申请）',
  'law.case.privateHint': '例会议程中不显示案件标题和事由（《人民调解法》第二十三条）',
  'law.signer.guardian': '{name}（监护人，代{party}签字）',
  'law.signer.agent': '{name}（委托代理人，代{party}签字）',
  'law.withdraw.ground': '结束原因',
  'law.party.guardianIs': '监护人：{name}',
  'law.party.agentIs': '委托代理人：{name}',
  'law.case.privateTag': '不公开调解',
  'withdrawalGround.party_ended': '当事人要求终止调解',
  'withdrawalGround.settled_by_parties': '当事人自行和解',
  'outcome.settled_by_parties': '当事人自行和解',
} as const;

export const enUS: Record<keyof typeof zhCN, string> = {
  'law.party.capacity': 'Capacity',
  'law.capacity.full': 'Full capacity',
  'law.capacity.minor': 'Minor',
  'law.capacity.incapacitated': 'Without full capacity',
  'law.party.representative': 'Represented by',
  'law.representative.none': 'Nobody (in person)',
  'law.representative.guardian': 'Guardian',
  'law.representative.agent': 'Agent',
  'law.party.representativeName': 'Representative’s name',
  'law.party.relation': 'Relation to the party',
  'law.party.guardianRequired':
    'A minor or a party without full capacity takes part and signs through their guardian',
  'law.party.guardianOnlyForWard':
    'A guardian acts only for a minor or a party without full capacity; others may appoint an agent',
  'law.case.settings': 'Public or private',
  'law.case.mediationType': 'Mediation type',
  'law.mediationType.people': 'People’s mediation',
  'law.mediationType.police': 'Police mediation',
  'law.mediationType.court': 'Pre-litigation / court mediation',
  'law.case.private': 'Mediate in private (a party asked)',
  'law.case.privateHint':
    'The weekly meeting agenda shows no title or reason (People’s Mediation Law Art. 23)',
  'law.signer.guardian': '{name} (guardian, signs for {party})',
  'law.signer.agent': '{name} (agent, signs for {party})',
  'law.withdraw.ground': 'Why mediation ends',
  'law.party.guardianIs': 'Guardian: {name}',
  'law.party.agentIs': 'Agent: {name}',
  'law.case.privateTag': 'Private mediation',
  'withdrawalGround.party_ended': 'A party ended mediation',
  'withdrawalGround.settled_by_parties': 'The parties settled by themselves',
  'outcome.settled_by_parties': 'Settled by the parties',
};
