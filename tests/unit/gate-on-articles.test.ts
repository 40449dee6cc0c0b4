/**
 * The relevance gate on whole articles: real catalogue, real matcher, real page regions, so that a
 * gate rule is judged on the names news actually uses ("Kim" after "Kim Jong Un", "in Beijing" as
 * a venue), not on the abstract mentions of relevance.test.ts. Articles are written for the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAutomaton, findMatches } from '../../lib/matcher';
import { matcherTerms, toMatcherData } from '../../lib/matcher-data';
import { decideVisibility, shownTerm } from '../../lib/relevance';
import { mentionFactsOf, scanPage } from '../../scripts/news-fixtures';

const corpus = JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8'));
const data = toMatcherData(corpus);
const automaton = compileAutomaton(matcherTerms(data));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An article of this headline and these paragraphs, read as eval:news reads a page: its text, what it found, and the verdict. */
function read(headline: string, paragraphs: string[]) {
  const html = `<article><h1>${escape(headline)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article>`;
  const { text, found } = scanPage(html, automaton);
  return { text, found, verdict: decideVisibility(mentionFactsOf(found), data.terms, { hiddenTerms: [], firstMentionOnly: false }) };
}

/** Whether the gate opens on the article. */
const opens = (headline: string, paragraphs: string[]): boolean => read(headline, paragraphs).verdict.onTopic;

/** The highlights the article shows, as [text, term] pairs. */
function shownOn(headline: string, paragraphs: string[]): [string, string][] {
  const { text, found, verdict } = read(headline, paragraphs);
  return found.flatMap((m, i) => (verdict.visible[i] ? [[text.slice(m.start, m.end), data.terms[shownTerm(verdict.shownAs, m)]!.id] as [string, string]] : []));
}

/** A story of Iran and North Korea arming Russia, with North Korea in one passage: the headline and paragraphs `opens` takes. */
const suppliersStory = (northKoreaPassage: string): [string, string[]] => [
  'North Korea, Iran supply Russia with weapons for Ukraine war',
  [
    'Russia has fired hundreds of Iranian-designed Shahed drones at Ukrainian cities, officials said.',
    'Iran denies sending missiles, but Western intelligence says Tehran shipped missiles to Russia.',
    northKoreaPassage,
    "Iran's foreign minister said Tehran was not a party to the war.",
  ],
];

describe('the gate on articles whose headline names a partner (China, Iran) beside both sides', () => {
  it('reads Shoigu in Tehran, days after Pyongyang, as Russia and Iran’s story', () => {
    expect(
      opens('Shoigu visits Tehran days after Pyongyang trip', [
        'Russian Security Council secretary Sergei Shoigu arrived in Tehran on Tuesday.',
        'He met Iranian President Masoud Pezeshkian and discussed cooperation with Iran.',
        'Iran and Russia signed a strategic partnership treaty in January.',
        'Shoigu was in Pyongyang last week, where he met Kim Jong Un.',
      ]),
    ).toBe(false);
  });

  it('opens on North Korea and Iran supplying Russia: North Korea’s shells are the topic', () => {
    expect(opens(...suppliersStory('North Korea has sent millions of artillery shells and KN-23 ballistic missiles to Russia.'))).toBe(true);
    expect(
      opens('북한·이란, 러시아에 무기 공급', [
        '러시아는 이란제 샤헤드 드론을 우크라이나에 발사해 왔다.',
        '이란은 탄도미사일 제공을 부인했다.',
        '북한은 포탄 수백만 발과 KN-23 탄도미사일을 러시아에 보냈다.',
        '이란 외무장관은 이란이 전쟁 당사자가 아니라고 말했다.',
      ]),
    ).toBe(true);
  });

  it('reads Shoigu in Tehran as Iran’s story when North Korea is recalled twice, each time beside Iran', () => {
    expect(
      opens('러 쇼이구, 북한 이어 이란 방문', [
        '세르게이 쇼이구 러시아 국가안보회의 서기가 이란을 찾았다.',
        '쇼이구는 테헤란에서 이란 대통령을 만나 양국 협력을 논의했다.',
        '이란은 러시아에 탄도 미사일을 보냈다는 의혹을 부인해 왔다.',
        '러시아는 우크라이나 전쟁 이후 이란, 북한과의 관계를 넓혀 왔다.',
        '쇼이구는 지난주 북한을 방문해 김정은 위원장을 만난 뒤 이란을 찾았다.',
      ]),
    ).toBe(false);
  });

  it('opens on Putin and Xi headlines where North Korea’s officers meet Putin in passages of their own', () => {
    expect(
      opens('Putin hosts Xi at Victory Day parade as North Korea sends officers', [
        'Russian President Vladimir Putin received Chinese President Xi in Moscow for talks.',
        'Kim Jong Un sent North Korean officers, who marched before Putin for the first time.',
        'Xi and Putin discussed trade between China and Russia.',
        'Putin thanked the North Korean unit for its part in the Kursk fighting.',
      ]),
    ).toBe(true);
  });

  it('opens on Putin and Kim meeting in Beijing: a venue is not a partner’s story, and Kim is North Korea by any name', () => {
    expect(
      opens('Putin and Kim hold talks in Beijing after military parade', [
        'Russian President Vladimir Putin held talks with North Korean leader Kim Jong Un in Beijing on Wednesday, after both attended the parade.',
        'Kim told Putin that helping Russia was his fraternal duty.',
        'Putin thanked Kim and invited him to Moscow.',
        'The parade, hosted by Chinese President Xi Jinping, marked 80 years since the end of the war.',
        'Kim travelled to Beijing by armoured train.',
      ]),
    ).toBe(true);
    expect(
      opens('Путин и Ким Чен Ын провели переговоры в Пекине', [
        'Президент России Владимир Путин провел переговоры с лидером КНДР Ким Чен Ыном в Пекине после военного парада.',
        'Ким заявил, что помогать России — братский долг.',
        'Путин поблагодарил Кима за поддержку.',
        'Парад принимал председатель КНР Си Цзиньпин.',
        'Ким прибыл в Пекин на бронепоезде.',
      ]),
    ).toBe(true);
  });

  it('opens on Kim ratifying the Russia treaty and greeting Xi: a thing of the relationship is the topic', () => {
    expect(
      opens('Kim ratifies Russia treaty, sends greetings to Xi', [
        'North Korean leader Kim Jong Un ratified the Comprehensive Strategic Partnership Treaty with Russia, state media said.',
        'Kim also sent a message to Chinese President Xi Jinping.',
        'The treaty obliges each side to provide military assistance if the other is attacked.',
        'China has been quiet about the pact; Beijing said it was a matter for the two countries.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on articles that name the two sides together once', () => {
  it('stays quiet on a summit elsewhere whose one passage on North Korea names Russia once', () => {
    expect(
      opens('한국·말레이시아 정상회담, 전략적 동반자 관계 격상', [
        '대통령은 말레이시아 총리와 정상회담을 열고 양국 관계를 격상했다.',
        '두 정상은 회담에서 무역과 에너지 협력을 논의했다.',
        '두 정상은 북한의 대륙간탄도미사일 발사가 유엔안보리 결의 위반이라는 데 뜻을 같이하고, 북한과 러시아의 군사 협력에 우려를 나타냈다.',
      ]),
    ).toBe(false);
  });

  it('opens on a one-passage brief about the treaty between the two', () => {
    expect(
      opens('Договор вступил в силу', [
        'В Москве обменялись грамотами: Договор о всеобъемлющем стратегическом партнерстве между КНДР и Российской Федерацией вступил в силу, и стороны назвали его основой многополярного мира без гегемонии.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on North Korea’s own army', () => {
  it('stays quiet on a Pyongyang parade where Kim tells the army of the DPRK to master drones', () => {
    expect(
      opens('КНДР показала на параде новые беспилотники', [
        'На параде в Пхеньяне КНДР показала ракеты, которые, по ее словам, способны поразить американские и южнокорейские базы.',
        'Ким Чен Ын сказал, что армия КНДР должна освоить беспилотники и новое оружие.',
        'Ким Чен Ын принимал парад Корейской народной армии.',
      ]),
    ).toBe(false);
  });

  it('opens where the army of the DPRK fights beside Russia’s in the Kursk region', () => {
    expect(opens('Армия КНДР воюет в Курской области', ['Военнослужащие армии КНДР сражаются вместе с российскими подразделениями в Курской области.', 'Москва и Пхеньян подтвердили, что армия КНДР участвует в боях.'])).toBe(true);
  });
});

describe('the gate on stories a fourth review of this round wrote against it', () => {
  it('opens where a partner’s story recalls North Korea beside its weapons for Russia (like Iran, North Korea sent missiles)', () => {
    expect(
      opens('Russia leans on Iran and North Korea as fighting drags on', [
        'Russia has increasingly relied on Iran and North Korea to keep its forces supplied in Ukraine.',
        'Iran has supplied Shahed drones and is accused of shipping short-range ballistic missiles.',
        'Tehran denies the transfers, calling the reports Western propaganda.',
        'Like Iran, North Korea has sent ballistic missiles to Russia, along with millions of artillery shells, Western officials say.',
        "Iran's foreign minister said Tehran was not a party to the war.",
      ]),
    ).toBe(true);
    expect(
      opens('Россия опирается на Иран и КНДР', [
        'Россия все больше опирается на Иран и КНДР в снабжении своих войск, пишут западные СМИ.',
        'Иран поставил беспилотники «Шахед» и, по данным Запада, баллистические ракеты.',
        'Тегеран отрицает эти поставки.',
        'Как и Иран, КНДР передала России баллистические ракеты и миллионы артиллерийских снарядов, утверждают западные чиновники.',
        'Глава МИД Ирана заявил, что Тегеран не является стороной конфликта.',
      ]),
    ).toBe(true);
  });

  it('stays quiet on Mali’s sanctions panel, ended by Russia’s veto: an expert sanctions panel is North Korea’s only in a story on the topic', () => {
    expect(
      opens('Russia vetoes renewal of Mali sanctions regime', [
        'Russia on Wednesday vetoed a UN Security Council resolution to extend sanctions on Mali.',
        "Russia's veto means the expert sanctions panel that monitors the regime will be disbanded at the end of the month.",
        'The expert sanctions panel had reported abuses by the Wagner Group in Mali.',
      ]),
    ).toBe(false);
    expect(
      opens('러시아, 말리 제재 연장 결의안에 거부권', [
        '러시아가 30일 유엔 안전보장이사회에서 말리에 대한 제재 연장 결의안에 거부권을 행사했다.',
        '이에 따라 말리 제재 이행을 감시해 온 유엔 안보리 전문가패널은 이달 말 활동을 종료한다.',
        '안보리 전문가패널은 말리 내 러시아 용병 바그너 그룹의 인권 침해를 보고한 바 있다.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on a Pyongyang parade of North Korean armaments, and opens on a hypersonic test with Russia’s technology suspected', () => {
    expect(
      opens('Kim calls for more weapons at Pyongyang parade', [
        'North Korean leader Kim Jong Un reviewed a military parade in Pyongyang on Friday.',
        'North Korean armaments on display included new tanks, drones and a solid-fuel intercontinental missile.',
        'Kim said the country would keep strengthening its nuclear forces against the United States.',
      ]),
    ).toBe(false);
    expect(
      opens('North Korea tests new hypersonic missile', [
        'North Korea said on Tuesday it had tested a new hypersonic missile, with Kim Jong Un watching.',
        "The hypersonic missile flew about 1,100 km before landing in the sea, South Korea's military said.",
        'Analysts in Seoul suspect Russia has shared hypersonic missile technology with Pyongyang in return for artillery shells.',
      ]),
    ).toBe(true);
  });

  it('opens on Kursk freed with the help of the army of the DPRK’s units', () => {
    expect(
      opens('Герасимов: Курская область полностью освобождена', [
        'Начальник Генштаба Валерий Герасимов доложил Владимиру Путину об освобождении Курской области.',
        'По его словам, подразделения армии КНДР оказали значительную помощь в разгроме противника.',
        'Путин поблагодарил военных за мужество.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on one side’s story that recalls the other in a single passage', () => {
  const launchStory = [
    'Russia plans to launch its heavy Angara rocket from the Vostochny Cosmodrome on Wednesday, Roscosmos said.',
    'The launch pad in Russia’s Far East was finished last year after long delays.',
    'Moscow wants the new rocket to replace the Proton, which has flown Russian payloads since the 1960s.',
    'Earlier Angara flights left from Plesetsk in northern Russia.',
    'Vladimir Putin has called the space industry a priority despite sanctions.',
    'Russian officials say two more launches from the site are planned this year.',
  ];

  it('stays quiet on Russia’s rocket launch whose one paragraph recalls Kim Jong Un’s visit to the site', () => {
    expect(opens('Russia readies Angara launch from Vostochny', [...launchStory, 'In September Putin showed North Korean leader Kim Jong Un around the Vostochny Cosmodrome, and Putin said Kim took great interest in rockets.'])).toBe(false);
  });

  it('stays quiet on South Korea’s satellite story whose last paragraph recalls the North’s arms for Russia', () => {
    expect(
      opens('South Korea puts second spy satellite into orbit', [
        'South Korea launched its second military spy satellite from Florida on Sunday, its defence ministry said.',
        'Seoul wants five spy satellites in orbit by 2025 to watch Pyongyang more closely.',
        'The satellite can see objects on the ground at night and through clouds.',
        'North Korea put its own first spy satellite into orbit last November.',
        'Pyongyang has said it will launch three more satellites this year.',
        'Analysts say North Korea may test another missile soon.',
        'Pyongyang called the launch from Florida a provocation.',
        'Seoul says the North has sent arms to Russia for its war in Ukraine, and Moscow may be helping in return.',
      ]),
    ).toBe(false);
  });

  it('opens when that paragraph names a thing of the relationship (the summit at the cosmodrome)', () => {
    expect(opens('Russia readies Angara launch from Vostochny', [...launchStory, 'The site hosted the Kim-Putin summit in September, where Putin showed North Korean leader Kim Jong Un its launch pads.'])).toBe(true);
  });
});

describe('the gate on North Korea’s missile tests in Russian', () => {
  it('opens where «военные КНДР» fight in the Kursk region', () => {
    expect(
      opens('Военные КНДР воюют в Курской области', [
        'Военные КНДР участвуют в боях в Курской области вместе с российской армией, сообщили в Сеуле.',
        'По данным разведки, Пхеньян направил в Россию около 11 тысяч военных.',
        'Ни Москва, ни КНДР официально не подтверждали участие северокорейцев в боях.',
      ]),
    ).toBe(true);
  });
});

describe('bare rockets in an article', () => {
  it('are the rockets North Korea sells where the article is about shells, and the launcher where it is about satellites', () => {
    const shellsStory = shownOn('Russia buys North Korean shells', [
      'Russia is buying millions of artillery shells and rockets from North Korea for the war in Ukraine, US officials said.',
      'Moscow has turned to Pyongyang as its stocks run low.',
    ]);
    expect(shellsStory).toContainEqual(['rockets', 'rockets']);
    const satelliteStory = shownOn('North Korean satellite launch fails', [
      'North Korea said the rocket carrying its spy satellite exploded in flight, blaming a new engine.',
      'South Korea says Russia has been helping North Korea with satellite technology in return for artillery shells sent to Moscow.',
      'Kim Jong Un visited Russia’s Vostochny Cosmodrome last year, where Vladimir Putin promised help with satellites.',
      'Pyongyang plans more launches of its own rocket this year.',
    ]);
    expect(satelliteStory.filter(([, term]) => term === 'rockets')).toEqual([]);
    expect(satelliteStory).toContainEqual(['artillery shells', 'artillery-shells']);
  });
});

describe('the gate and catalogue on the fifth hostile review’s texts (written for the review)', () => {
  it('opens on a Korean story of Russia’s submarine technology, counting Russia inside the phrase', () => {
    expect(
      opens('北, 러 첨단 군사기술 받아 핵잠 건조 가속하나', [
        '북한이 핵추진 잠수함 건조 현장을 공개했다고 조선중앙통신이 보도했다.',
        '김정은 국무위원장은 해군의 핵무장화를 강조했다.',
        '군 당국은 러시아의 원자력잠수함 기술이 북한에 이전됐을 가능성을 주시하고 있다.',
      ]),
    ).toBe(true);
  });

  it('opens on Gerasimov crediting «военные КНДР» with freeing the Kursk region', () => {
    expect(
      opens('Герасимов: военные КНДР помогли освободить Курскую область', [
        'Начальник Генштаба ВС России Валерий Герасимов доложил Владимиру Путину об освобождении Курской области.',
        'По его словам, военные КНДР оказали существенную помощь российским подразделениям.',
        'Путин поблагодарил всех участников операции.',
      ]),
    ).toBe(true);
  });

  it('reads Russia’s military technology and assistance as the concepts, not Russia’s forces', () => {
    const shown = shownOn('What Pyongyang gets from the war', ['North Korea has sent shells to Russia. In return it seeks Russia’s military technology and Russia’s military assistance.']);
    expect(shown).toContainEqual(['military technology', 'military-technology']);
    expect(shown).toContainEqual(['military assistance', 'military-cooperation']);
    expect(shown.filter(([, term]) => term === 'russian-forces')).toEqual([]);
  });

  it('shows shells and rockets as the munitions North Korea sells, though the article names satellite technology', () => {
    const shown = shownOn('North Korea sends Russia more shells and rockets, Seoul says', [
      'North Korea has shipped millions of artillery shells and rockets to Russia, South Korea said.',
      'In return, Moscow is believed to be helping Pyongyang with satellite technology.',
    ]);
    expect(shown.filter(([text, term]) => text === 'rockets' && term === 'rockets')).toHaveLength(2);
  });

  it('does not show China’s 1961 military treaty or Iran’s partnership pact as the 2024 treaty', () => {
    const shown = shownOn('Putin and Kim sign defence pact in Pyongyang', [
      'Vladimir Putin and Kim Jong Un signed a pact pledging mutual assistance if either is attacked.',
      'Analysts compared it with North Korea’s 1961 military treaty with China.',
      'Russia signed a partnership pact with Iran in January without such a clause.',
    ]);
    expect(shown.filter(([text]) => /military treaty|partnership pact/.test(text))).toEqual([]);
  });

  it('opens on Russia’s strikes on Kyiv whose one passage traces the missile to North Korea', () => {
    expect(
      opens('Missile that hit Kyiv was made months ago, Ukraine says', [
        'Russia launched a massive missile and drone attack on Kyiv overnight, Ukraine’s air force said.',
        'Russian forces fired ballistic missiles at the capital and at Kharkiv.',
        'Moscow said its strikes targeted military sites.',
        'The Kremlin did not comment on the civilian casualties.',
        'Russian drones also hit energy sites in the west of the country.',
        'Russia has stepped up its attacks this winter.',
        'Investigators found that the KN-23 missile was produced in North Korea in 2024 and shipped to Russia, which fired it at the capital, the agency said.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on stories that name North Korea only by its places (held-out 50)', () => {
  it('opens on Russian tourists in Rason, which the article never calls North Korea', () => {
    expect(opens('Побережье Расона глазами российских туристов', ['За рекой Туманной начинается российская территория, а российские туристы ездят в Расон с лета 2024 года.', 'В Расоне время на час отличается от владивостокского.'])).toBe(
      true,
    );
  });

  it('stays quiet on a story of North Korea’s own resort that names Russia nowhere', () => {
    expect(opens('Wonsan-Kalma resort opens its beaches', ['The Wonsan-Kalma resort opened on 1 July.', 'Wonsan was once a naval base.'])).toBe(false);
  });
});

describe('the gate on Russia’s partnership with a partner of its own (held-out 51)', () => {
  const russiaAndIran = [
    'Russia and Iran plan to put their alliance on a formal footing with a comprehensive strategic partnership treaty, signed while Iranian President Masoud Pezeshkian is in Moscow.',
    'Western sanctions pile up on both, and Iran has supplied Shahed drones for Russia’s war in Ukraine.',
    'Unlike Russia’s treaty with North Korea, the deal will carry no mutual defense clause, Iran’s foreign minister said.',
    'Sergei Lavrov said the agreement would help Russia and Iran resist outside pressure.',
    'Vladimir Putin has made alliances with Iran, China and North Korea a priority.',
  ];

  it('stays quiet where the headline’s “alliance” is Russia and Iran’s, and names no state of the pair', () => {
    expect(opens('Russia and Iran to sign a treaty sealing their growing alliance', russiaAndIran)).toBe(false);
  });

  it('still shows an alliance or a comprehensive strategic partnership as the pair’s in an article on the topic', () => {
    const shown = shownOn('Kim and Putin sign a comprehensive strategic partnership', [
      'North Korea and Russia signed a comprehensive strategic partnership on Wednesday, an alliance that binds Moscow to Pyongyang.',
      'Kim Jong Un said the alliance with Russia would last.',
    ]);
    expect(shown.filter(([, id]) => id === 'nk-russia-partnership').map(([text]) => text)).toEqual(['comprehensive strategic partnership', 'comprehensive strategic partnership', 'alliance', 'alliance']);
  });
});

describe('the gate on stories that name Russia by its parliament or its Far Eastern university (held-out 51)', () => {
  it('opens on the State Duma’s committee meeting North Korea’s parliament', () => {
    expect(
      opens('Госдума и парламент КНДР начнут совместные заседания', [
        'Комитеты по международным делам Госдумы и Верховного народного собрания КНДР будут проводить совместные заседания, сказал Леонид Слуцкий во время визита в КНДР.',
        'По его словам, заседания станут регулярными.',
      ]),
    ).toBe(true);
  });

  it('opens on the Far Eastern Federal University’s agreement with a North Korean university', () => {
    expect(opens('ДВФУ заключил соглашение с университетом КНДР', ['ДВФУ и северокорейский политехнический университет займутся совместными исследованиями.', 'Соглашение подписали во Владивостоке.'])).toBe(true);
  });

  it('stays quiet on a State Duma story that names North Korea once, in passing', () => {
    expect(opens('Госдума приняла закон о налогах', ['Государственная дума приняла закон в третьем чтении.', 'Депутаты Госдумы обсудили бюджет; один из них упомянул КНДР.'])).toBe(false);
  });
});

describe('the seventh hostile review: this round’s rules where they misread', () => {
  it('opens on North Korean battalions joining Russia’s assault in Kursk (a name for the troops must not hide North Korea)', () => {
    expect(
      opens('Kyiv: North Korean battalions join Russian assault in Kursk', [
        'Ukraine’s military intelligence said on Monday that North Korean battalions had joined a Russian assault near Sudzha in the Kursk region.',
        'Two North Korean brigades are being held in reserve, the agency said.',
        'Pyongyang has denied sending troops.',
      ]),
    ).toBe(true);
  });

  it('stays quiet on Russia’s veto of the UN expert group on Mali’s sanctions', () => {
    expect(
      opens('Russia vetoes UN expert group on Mali sanctions', [
        'Russia on Wednesday vetoed a resolution to renew the UN expert group monitoring sanctions on Mali.',
        'The UN expert group had reported that Wagner fighters were involved in killings of civilians.',
        'Moscow said the sanctions regime was outdated.',
        "It was Russia's first veto on an African sanctions regime.",
      ]),
    ).toBe(false);
  });

  it('keeps the 2024 Pyongyang summit the two leaders’ summit where a satellite is named', () => {
    const shown = shownOn('Putin in Pyongyang: Kim rolls out red carpet', [
      'Vladimir Putin arrived in Pyongyang for a Russia–North Korea summit with Kim Jong Un.',
      'Critics say North Korea wants Russia’s help with its spy satellite programme.',
      'The two leaders signed a mutual defence treaty.',
    ]);
    expect(shown.filter(([text]) => text === 'Russia–North Korea summit').map(([, id]) => id)).toEqual(['kim-putin-summits']);
  });

  it('stays quiet on Wagner in Mali, which names North Korea twice as a simile', () => {
    expect(
      opens('Mali’s junta leans on Wagner as isolation deepens', [
        'Mali’s junta, which diplomats say is becoming as isolated as North Korea, has hired Wagner mercenaries to fight insurgents.',
        'The Wagner Group is accused of killing hundreds of civilians in Moura.',
        'One analyst said Bamako risked becoming the North Korea of the Sahel.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on Seoul and the EU rejecting 북핵 beside the war in Ukraine', () => {
    expect(
      opens('한·EU 정상회담…"북핵 불용" 재확인', [
        '이재명 대통령은 브뤼셀에서 유럽연합 지도부와 정상회담을 열었다.',
        '양측은 북핵 불용 원칙을 재확인하고 우크라이나 전쟁의 조속한 종식을 촉구했다.',
        '정상들은 공급망과 기후 협력도 논의했다.',
        '양측은 북핵 문제 해결을 위해 긴밀히 협력하기로 했다.',
      ]),
    ).toBe(false);
  });

  it('keeps the sanctions a “UN slaps sanctions” headline names the UN’s', () => {
    const shown = shownOn('UN slaps sanctions on North Korea as Russia votes in favour', [
      'The Security Council voted unanimously for sanctions on North Korea after its nuclear test.',
      'Russia and China backed the resolution, and the sanctions cap North Korea’s oil imports.',
    ]);
    expect(shown.filter(([text]) => text === 'sanctions').map(([, id]) => id)).toEqual(['un-sanctions', 'un-sanctions', 'un-sanctions']);
  });

  it('does not show Russia’s treaty with Iran, by its short name, as the 2024 treaty', () => {
    const shown = shownOn('Россия и КНДР, Россия и Иран: чем отличаются договоры', [
      'Договор о всеобъемлющем стратегическом партнерстве между Россией и КНДР обязывает стороны помогать друг другу при нападении.',
      'Договор о всеобъемлющем партнерстве с Ираном, подписанный в январе 2025 года, такого пункта не содержит.',
      'Пхеньян и Москва ратифицировали свой договор в ноябре 2024 года.',
    ]);
    expect(shown.filter(([text]) => /партнерстве с/.test(text) || text.startsWith('Договор о всеобъемлющем партнерстве')).map(([, id]) => id)).toEqual([]);
  });
});

describe('the eighth hostile review: held-out 55’s names where they misread', () => {
  it('stays quiet on a South Korea–Russia summit («корейско-российский саммит» is the pair’s only on the topic)', () => {
    expect(
      opens('Итоги корейско-российского саммита: договоренности по газу и рыболовству', [
        'По итогам корейско-российского саммита в Москве лидеры подписали соглашения о сотрудничестве.',
        'Мун Чжэ Ин и Владимир Путин договорились увеличить товарооборот до 30 миллиардов долларов.',
        'Республика Корея и Россия также продлили соглашение о рыболовстве.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on a China–North Korea bridge across the Tumen', () => {
    expect(
      opens('New road bridge over Tumen River links Chinese city to North Korea', [
        'A new road bridge over Tumen River opened on Friday between Tumen city in Jilin and Namyang in North Korea.',
        'Local officials said the crossing would cut truck journeys by an hour.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on North Korea’s military engineers in Lebanon', () => {
    expect(
      opens('Israel says Hezbollah tunnels were built with North Korean help', [
        'The Israeli military said on Sunday it had uncovered a network of tunnels dug by Hezbollah under southern Lebanon.',
        'Military engineers from North Korea helped Hezbollah design the tunnels in the mid-2000s, according to Israeli intelligence.',
        'Hezbollah has not commented on the claim.',
        "Iran, Hezbollah's main backer, also cooperated with Pyongyang on missile technology, analysts say.",
      ]),
    ).toBe(false);
  });

  it('opens on Russia’s ambassador in Pyongyang (주북 names North Korea for the gate, and is not shown)', () => {
    const { verdict, found, text } = read('마체고라 주북 러시아 대사 별세', [
      '알렉산드르 마체고라 주북 러시아 대사가 별세했다고 러시아 외무부가 밝혔다.',
      '러시아 외무부는 그가 양국 관계 발전에 크게 기여했다고 평가했다.',
      '김정은 국무위원장은 러시아 대사관에 조전을 보냈다.',
    ]);
    expect(verdict.onTopic).toBe(true);
    expect(found.filter((_, i) => verdict.visible[i]).map((m) => text.slice(m.start, m.end))).not.toContain('주북');
  });
});

describe('the gate on a headline that names a relationship by a word of no state (the sixth hostile review)', () => {
  it('opens where Putin’s headline names the partnership and one of six passages says whose: not an aside', () => {
    expect(
      opens('Путин: всеобъемлющее стратегическое партнерство выдержит любые санкции', [
        'Владимир Путин выступил на Восточном экономическом форуме во Владивостоке.',
        'Президент России заявил, что экономика страны адаптировалась к санкциям Запада.',
        'Путин пообещал увеличить инвестиции в Дальний Восток.',
        'Российский лидер заявил, что Москва не откажется от поворота на Восток.',
        'По словам Путина, товарооборот России с Азией растет.',
        'Кремль сообщил, что Путин проведет ряд встреч.',
        'Отдельно Путин упомянул КНДР, назвав договор с Пхеньяном образцом союзнических отношений.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on older treaties and summits and on generic phrases (the sixth hostile review)', () => {
  it('stays quiet on an obituary that names the 2000 Moscow–Pyongyang treaty once', () => {
    expect(opens('Former Russian ambassador dies at 84', ['He served in Seoul and Tokyo.', 'He helped draft the 2000 Moscow–Pyongyang treaty, which replaced the Soviet-era alliance.', 'He is survived by his wife.'])).toBe(false);
  });

  it('stays quiet on a Korean story of Seoul–Moscow ties that recalls the 2000 treaty', () => {
    expect(opens('한러 수교 35주년…"경제협력 복원이 과제"', ['한국과 러시아는 1990년 수교했다.', '러시아는 2000년 새로 맺은 러북 조약에 자동 군사개입 조항을 넣지 않았다.', '양국 교역은 제재로 줄었다.'])).toBe(false);
  });

  it('stays quiet on the PLA’s overseas operational forces and on Japan and the Philippines’ defense ties', () => {
    expect(opens('China expands Djibouti base as PLA builds overseas operational forces', ['China is expanding its base in Djibouti.', 'Analysts say the PLA is building overseas operational forces.'])).toBe(false);
    expect(
      opens('Japan and the Philippines deepen defense ties with new troop pact', [
        'Japan and the Philippines signed a pact on troop visits, deepening defense ties.',
        'Officials cited threats from China, North Korea and Russia.',
        'The defense ties follow a US-led push.',
      ]),
    ).toBe(false);
  });
});

describe('the gate on Kim’s visit to China named by 방중 (held-out 52)', () => {
  it('stays quiet on Kim’s car in Beijing whose one paragraph recalls Putin’s gift', () => {
    expect(
      opens("'방중' 김정은 태운 마이바흐, 번호판에 담긴 뜻", [
        '김정은 북한 노동당 총비서가 특별한 번호판을 단 차를 탔다.',
        '평양에서 전용열차로 방중한 김 총비서는 베이징역에 내려 북한대사관으로 향했다.',
        '번호판의 숫자는 북한이 승리 기념일로 부르는 날을 뜻한다.',
        '북한은 내부 선전을 위해 이날을 기념한다.',
        '같은 번호는 지난해 평양을 찾은 블라디미르 푸틴 러시아 대통령이 김 총비서에게 선물한 러시아산 리무진에도 달려 있었다.',
      ]),
    ).toBe(false);
  });
});

describe('the ninth hostile review: held-out 56 and 57’s names where they misread', () => {
  it('stays quiet on the Foreign Ministry’s spokeswoman on Japan, who names North Korea in passing', () => {
    expect(
      opens('Moscow accuses Tokyo of militarisation', [
        'Russian Foreign Ministry spokeswoman Maria Zakharova accused Japan of speeding up its militarisation.',
        'Zakharova said Tokyo used the so-called North Korean threat as a pretext for new missiles.',
        'Zakharova said the deployments were aimed at China.',
        'She added that trilateral drills with Washington were raising tensions with North Korea.',
        'Moscow would respond to any threat, she said.',
      ]),
    ).toBe(false);
  });

  it('opens on an interview with Russia’s ambassador in Pyongyang, however often it names him', () => {
    expect(
      opens('Мацегора рассказал о планах на следующий год', [
        'Посол России в КНДР Александр Мацегора в интервью ТАСС рассказал о планах посольства.',
        'По словам Мацегоры, число российских туристов в КНДР за год выросло.',
        'Мацегора отметил, что в Пхеньяне открылся новый российский культурный центр.',
        'Мацегора также рассказал о работе посольства.',
        'Мацегора добавил, что планы на следующий год уже согласованы.',
        'Мацегора поблагодарил корейских партнеров.',
      ]),
    ).toBe(true);
  });

  it('opens on Kim Yo Jong pledging support to Russia’s army, however often it names her', () => {
    expect(
      opens('Kim Yo Jong vows support, slams Seoul', [
        'Kim Yo Jong, the sister of Kim Jong Un, said North Korea would always stand with the Russian army and people.',
        'Kim Yo Jong said the North’s ties with Moscow were a matter of sovereign choice.',
        'Kim Yo Jong said Seoul had no right to comment.',
        'Kim Yo Jong said the South’s leaflets were a provocation.',
        'Kim Yo Jong said Pyongyang would respond in kind.',
      ]),
    ).toBe(true);
  });

  it('does not read the Korean labour unions North Korea spells 로조 as the pair', () => {
    expect(opens('남조선 로조들 총파업 단행', ['남조선에서 민주로총 산하 로조들이 총파업에 들어갔다고 한다.', '로조는 보수정권의 반로동정책을 규탄하였다.', '경찰은 로조 간부들을 련행하였다.'])).toBe(false);
  });

  it('stays quiet on North Korean artillery drills retold in Russian: a unit at home is not the troops in Russia', () => {
    expect(
      opens('Ким Чен Ын понаблюдал за учениями артиллеристов', [
        'Ким Чен Ын понаблюдал за стрельбами северокорейского подразделения реактивной артиллерии, сообщило ЦТАК.',
        'Северокорейское подразделение поразило цели в Желтом море.',
        'Ким Чен Ын призвал армию быть готовой к войне.',
      ]),
    ).toBe(false);
  });

  it('shows other countries’ meetings, launchers, embargoes and spacecraft as nothing of the pair’s, on a page on the topic', () => {
    const shown = shownOn('Russia and North Korea deepen military ties', [
      'Russia and North Korea signed a treaty in June 2024, and North Korean troops fought in Kursk.',
      'North Korea has also resumed high-level meetings with China.',
      'The United States supplied Ukraine with HIMARS, a 다연장로켓시스템 in Korean reports.',
      'Moscow said it would not recognise the U.N. embargo on Iran.',
      'Russia’s new crewed spacecraft has re-entry vehicles designed to land on Russian soil.',
    ]);
    expect(shown.filter(([text]) => /high-level meetings|다연장로켓시스템|embargo|re-entry/.test(text))).toEqual([]);
  });

  it('keeps Russia where a Korean article names Russia’s own Security Council', () => {
    expect(shownOn('쇼이구, 평양서 김정은 만나', ['쇼이구 러시아 안전보장이사회 서기가 평양에서 김정은 위원장을 만났다.', '북한과 러시아는 협력을 강화하기로 했다.']).map(([text, id]) => `${text}:${id}`)).toEqual(
      expect.arrayContaining(['러시아:russia']),
    );
  });
});

describe('the tenth hostile review: the round’s names where they took a side’s own name away', () => {
  it('opens on a Kursk brief that names the North Korean unit in the singular', () => {
    expect(
      opens('Северокорейское подразделение освобождало Суджу: Герасимов', [
        'Северокорейское подразделение принимало участие в освобождении населенных пунктов Курской области, доложил Герасимов.',
        'По его словам, северокорейское спецподразделение действовало совместно с российскими частями.',
        'Ранее Пхеньян официально подтвердил отправку войск в Россию.',
      ]),
    ).toBe(true);
  });

  it('opens on Seoul’s spy agency on Russia’s nuclear missile technology, named only inside the phrase', () => {
    expect(
      opens('국정원 "北, 러시아의 핵미사일 기술 넘겨받았을 가능성"', [
        '국가정보원은 북한이 파병 대가로 러시아의 핵미사일 핵심 기술을 넘겨받았을 가능성이 있다고 밝혔다.',
        '국정원은 러시아의 핵미사일 기술이 북한 대륙간탄도미사일의 대기권 재진입 기술 개선에 쓰일 수 있다고 봤다.',
      ]),
    ).toBe(true);
  });

  it('opens on a North Korean submarine story whose one passage on Russia names the submarine technology it may have supplied', () => {
    expect(
      opens('North Korea shows off nuclear-powered submarine under construction', [
        'North Korea released photos of what it calls a nuclear-powered submarine under construction, KCNA reported on Thursday.',
        'Kim Jong Un inspected the 8,700-tonne vessel at a shipyard, the agency said.',
        'North Korea said the submarine would carry strategic guided missiles.',
        'South Korea’s military said it was analysing the images.',
        'Analysts said Russia may have supplied nuclear-powered submarine technology to North Korea in return for troops sent to fight in Ukraine.',
        'North Korea has conducted several missile tests this year.',
        'Pyongyang has pledged to expand its nuclear arsenal exponentially.',
      ]),
    ).toBe(true);
  });

  it('shows no other country’s treaty, spacecraft or UN limits as the pair’s, on a page on the topic', () => {
    const shown = shownOn('Russia’s treaties with North Korea and Iran compared', [
      'Russia and North Korea signed their treaty in June 2024, and North Korean troops fought in Kursk.',
      'Russia and Iran signed a Treaty on the Comprehensive Strategic Partnership in Moscow in January.',
      'Separately, China tested re-entry technology for its reusable spacecraft this week.',
      'Иран не нарушал лимиты ООН на обогащение урана, заявили в Тегеране.',
    ]);
    expect(shown.filter(([, id]) => ['russia-dprk-treaty-2024', 'icbm', 'un-sanctions'].includes(id)).map(([text]) => text)).toEqual([]);
  });

  it('still shows the UN Security Council that Russia chairs, and KCNA’s troops abroad declined', () => {
    const shown = shownOn('러시아, 안보리 의장국으로 북한 문제 논의', ['러시아 안전보장이사회 의장국 맡아 북한 문제를 논의했다.', '북한과 러시아는 협력을 강화하기로 했다.', '러시아 대표는 북한 제재를 비판했다.']);
    expect(shown).toContainEqual(['안전보장이사회', 'un-security-council']);
    expect(findMatches(automaton, 'Ким Чен Ын встретился с командирами войск зарубежных операций.').map((m) => m.termId)).toContain('nk-troops-in-russia');
    expect(findMatches(automaton, 'KCNA said the Hwasongpho-20 was tested.').map((m) => m.termId)).toContain('icbm');
  });
});

describe('the summit an article dates to September 2023 is the Vostochny summit (the development set: 31 mentions)', () => {
  const summits = (shown: [string, string][]) => shown.filter(([, term]) => term.endsWith('summit') || term.endsWith('summits'));

  it('shows a bare summit as the Vostochny summit where the article dates it by its year, or by last September beside Russia', () => {
    expect(
      summits(
        shownOn('Lavrov visits North Korea to follow up Kim–Putin summit', [
          'Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Wednesday.',
          'The trip follows the rare summit of September 2023 between Kim Jong Un and Vladimir Putin.',
          'North Korea and Russia pledged to carry out the agreement reached at the summit.',
        ]),
      ),
    ).toEqual([
      ['Kim–Putin summit', 'vostochny-summit'],
      ['summit', 'vostochny-summit'],
      ['summit', 'vostochny-summit'],
    ]);
    const korean = shownOn('북러 교류 확대', ['북한과 러시아는 지난해 9월 러시아에서 열린 정상회담 뒤 협력을 넓혀 왔다.', '러시아 관광객이 북한을 찾았다.']);
    expect(korean).toContainEqual(['정상회담', 'vostochny-summit']);
    // Russia, beside the date, stays Russia
    expect(korean.filter(([text]) => text === '러시아에서')).toEqual([['러시아에서', 'russia']]);
  });

  it('leaves a summit dated only “last September” alone: in 2025 that is the Beijing talks', () => {
    const shown = shownOn('Putin recalls talks with Kim', [
      'Putin met North Korean Foreign Minister Choe Son Hui in the Kremlin.',
      'He recalled the summit he held with Kim Jong Un in Beijing last September.',
      'North Korea and Russia signed a treaty in June 2024.',
    ]);
    expect(shown.map(([, term]) => term)).not.toContain('vostochny-summit');
  });

  it('leaves the summits alone where the article also names the 2024 treaty: a bare summit may be either (the eleventh hostile review)', () => {
    const shown = shownOn('North Korea and Russia mark a year of their treaty', [
      'North Korea and Russia marked the first anniversary of their Comprehensive Strategic Partnership Treaty on Thursday.',
      'Kim Jong Un travelled to Russia’s Far East in September 2023 to meet Vladimir Putin.',
      'Putin came to Pyongyang for a Kim–Putin summit the following June, where the two signed the treaty.',
      'Since the summit, the two have exchanged delegations almost every month.',
    ]);
    expect(summits(shown).map(([, term]) => term)).not.toContain('vostochny-summit');
  });

  it('does not read 13 September alone as the Vostochny summit: Shoigu met Kim in Pyongyang that day in 2024 (the eleventh hostile review)', () => {
    const shown = shownOn('Shoigu meets Kim Jong Un in Pyongyang', [
      'On September 13, Russian Security Council Secretary Sergei Shoigu met North Korean leader Kim Jong Un in Pyongyang.',
      'They discussed carrying out the agreements reached at the summit between Kim and Putin.',
      'North Korea and Russia have deepened military cooperation.',
    ]);
    expect(summits(shown).map(([, term]) => term)).not.toContain('vostochny-summit');
  });
});

describe('the eleventh hostile review: names this round added where they misread', () => {
  it('does not read the Kremlin’s meetings with the permanent members of Russia’s Security Council as the UN’s', () => {
    for (const text of ['Путин провел оперативное совещание с постоянными членами Совета безопасности.', 'Постоянные члены Совбеза также рассмотрели вопрос о КНДР.'])
      expect(findMatches(automaton, text).map((m) => m.termId)).not.toContain('permanent-member');
  });

  it('stays quiet on Seoul’s suspension of the inter-Korean military pact signed at the Pyongyang summit, in Russian', () => {
    expect(
      opens('Сеул приостановил военное соглашение с КНДР', [
        'Южная Корея приостановила действие военного соглашения, подписанного на пхеньянском саммите Мун Чжэ Ина и Ким Чен Ына в 2018 году.',
        'В Сеуле заявили, что КНДР неоднократно нарушала соглашение.',
        'Пхеньян на заявление не ответил.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on Seoul’s spy agency on Kim’s trip to Beijing, which recalls his ties with Russia in passing', () => {
    expect(
      opens('S. Korea says Kim Jong Un likely to visit Beijing for talks with Xi', [
        'South Korea’s spy agency said on Tuesday that North Korean leader Kim Jong Un is likely to visit Beijing soon for talks with Chinese President Xi Jinping.',
        'The agency told lawmakers that Kim could travel by train, as he did on earlier trips to China.',
        'China is North Korea’s main trading partner and diplomatic ally.',
        'Kim has grown closer to Russia since 2023, sending troops and munitions for Moscow’s war in Ukraine.',
        'Analysts say Beijing wants to reassert its influence over Pyongyang as its ties with Moscow deepen.',
        'Xi and Kim last met in 2019, when the Chinese leader visited Pyongyang.',
      ]),
    ).toBe(false);
  });
});

/** The body of a story of Russia's strikes whose one passage traces a missile to North Korea. */
const strikeStoryTracingTheKn23 = [
  'Moscow has stepped up its strikes on Ukrainian cities this month.',
  'Russia’s defence ministry said it had hit military targets.',
  'The Kremlin said Russia would keep up the pressure.',
  'Russian forces also pressed their offensive in the east.',
  'Investigators said debris from one missile matched the KN-23, which North Korea has shipped to Russia.',
];

describe('the gate on a partner’s arms story that names North Korea once (held-out 59)', () => {
  const story = [
    'Iran has delivered a batch of short-range ballistic missiles to Russia, Western officials said.',
    'The missiles give Moscow a new weapon for its war against Ukraine, the officials added.',
    'Iran has denied arming Russia, while Russia has not commented.',
    'The White House said the transfer marked a dangerous escalation in Iran’s military support for Russia.',
    'European diplomats warned Iran that new sanctions would follow.',
    'Iran has sent Russia drones for two years, and North Korea has sold it ammunition and missiles too.',
    'Iran’s economy, already under sanctions, could suffer further, analysts in Russia and Europe said.',
  ];

  it('stays quiet where the headline names Iran, Russia and a weapon, and North Korea appears once, beside Iran, among Russia’s suppliers', () => {
    expect(opens('Iran sends ballistic missiles to Russia', story)).toBe(false);
  });

  it('still opens where the headline names no partner: a story of Russia’s strikes that traces the weapon to North Korea', () => {
    expect(
      opens('Russia fires ballistic missiles at Kharkiv', [
        'Russia launched a barrage of ballistic missiles at Kharkiv overnight, Ukrainian officials said.',
        ...strikeStoryTracingTheKn23,
        'Russia did not comment on the debris, and Moscow denies buying arms abroad.',
      ]),
    ).toBe(true);
  });
});

describe('the twelfth hostile review: the round’s gate rules where they quieted on-topic briefs', () => {
  it('opens a strike story headlined with Iranian-designed drones whose one passage traces the KN-23 to North Korea', () => {
    expect(
      opens('Russia strikes Kyiv with Iranian-designed drones and ballistic missiles', [
        'Russia launched dozens of Iranian-designed Shahed drones and several ballistic missiles at Kyiv overnight, Ukrainian officials said.',
        ...strikeStoryTracingTheKn23,
        'Russia did not comment on the debris.',
      ]),
    ).toBe(true);
  });

  it('opens a short brief on North Korea’s satellite that says Russia helped once', () => {
    for (const [headline, paragraphs] of [
      [
        'North Korea launches spy satellite',
        [
          'North Korea launched a spy satellite on Tuesday, its state media said.',
          'North Korea said the satellite reached orbit.',
          'South Korean officials said North Korea received help from Moscow to fix its engine problems.',
          'North Korea plans more satellites this year.',
          'North Korea’s earlier launches failed.',
        ],
      ],
      [
        '북한, 군사정찰위성 발사',
        [
          '북한이 군사정찰위성을 발사했다고 밝혔다.',
          '북한은 위성이 궤도에 진입했다고 주장했다.',
          '전문가들은 북한이 러시아의 도움으로 발사에 성공했을 가능성이 있다고 분석했다.',
          '북한은 올해 위성을 더 쏘겠다고 했다.',
          '북한의 앞선 발사는 실패했다.',
        ],
      ],
    ] as [string, string[]][])
      expect(opens(headline, paragraphs)).toBe(true);
  });
});

describe('the gate where the side named once meets the other in passing (held-out 60)', () => {
  it('stays quiet on North Korea’s own missile launch that recalls Russia’s invasion once as a date', () => {
    expect(
      opens('Северная Корея испытала межконтинентальную баллистическую ракету', [
        'Ким Чен Ын лично руководил пуском, сообщили государственные СМИ, пригрозив США ядерным ответом.',
        'Северная Корея провела уже восьмое испытание межконтинентальных баллистических ракет в этом году, КНДР грозит Японии.',
        'Последний раз северокорейская ракета такого класса летала до встречи в верхах, еще до вторжения России в Украину.',
        'Ракету запустили из района Пхеньяна.',
      ]),
    ).toBe(false);
  });

  it('still opens where Russia, recalled only by its invasion, meets a thing of North Korea’s: Kim Jong Un backing it', () => {
    expect(
      opens('North Korea’s leader inspects a munitions factory', [
        'North Korea’s leader toured a munitions factory in the north of the country, KCNA said.',
        'North Korea ordered the factory to double its output of shells and missiles.',
        'Kim Jong Un said the army backed Russia’s invasion of Ukraine.',
        'North Korea tested ballistic missiles earlier this month.',
        'South Korea said North Korea’s output had grown.',
      ]),
    ).toBe(true);
  });

  it('still opens where the side named once meets a thing of the other: Russia beside North Korea’s sanctions panel', () => {
    expect(
      opens('N. Korea coal reached South Korea despite UN sanctions', [
        'North Korean coal reached South Korea via a third country, breaking UN sanctions.',
        'The UN panel of experts tracking sanctions on North Korea said the coal was relabelled.',
        'The panel said North Korea sold the coal through Russia, and South Korean importers denied knowing.',
        'South Korean customs opened an inquiry.',
        'UN Security Council Resolution 2371 banned North Korean coal exports in 2017.',
      ]),
    ).toBe(true);
  });
});

describe('the gate on the Khasan border crossing (the development set)', () => {
  it('reads the Khasan checkpoint as Russia’s side, so a headline naming it beside North Korea opens the story of the bridge', () => {
    expect(
      opens('На границе с КНДР строят автомобильный мост и новый пункт пропуска «Хасан»', [
        'Стройку контролирует Минтранс России.',
        'Подъездные пути с российской стороны составят 2,4 км.',
        'Новый мост должен укрепить экономические связи с КНДР.',
        'Новый КПП «Хасан» сможет пропускать до 300 машин в сутки.',
      ]),
    ).toBe(true);
    expect(findMatches(automaton, 'Хасан Роухани выступил в Тегеране.').map((m) => m.termId)).not.toContain('russian-border-places');
    // …while Primorye's own Khasan district, where a typhoon arrives from the DPRK, is weather news (the twelfth hostile review).
    expect(
      opens('Тайфун из КНДР обрушился на Хасанский район', [
        'Тайфун, пришедший со стороны КНДР, принес ливни в Хасанский район Приморья.',
        'В Хасанском районе подтоплены дороги, сообщили спасатели.',
        'Синоптики ждут, что к вечеру тайфун ослабнет над КНДР и морем.',
      ]),
    ).toBe(false);
  });
});

describe('held-out 61: a side named in one passage, beside a partner of the other’s', () => {
  const tankerStory = (seller: string, sellerKo: string): [string, string[]][] => [
    [
      'Satellite photos show tankers crowding a North Korean port',
      [
        'Satellite photos show several tankers moored at North Korea’s Nampo port on most days this spring.',
        'Judging by their size, the shipments appear to break the sanctions on North Korea.',
        'Analysts estimate that North Korea took in far more refined oil than it is allowed.',
        'The UN Security Council caps the refined oil North Korea may import each year.',
        `${seller} reported selling North Korea much less than that; the figure for Russia was the smaller.`,
      ],
    ],
    [
      '위성사진에 잡힌 북한 남포항 유조선',
      [
        '위성사진에 북한 남포항에 유조선 여러 척이 정박한 모습이 찍혔다.',
        '유조선의 크기로 보면 대북 제재를 어긴 것으로 보인다.',
        '분석가들은 북한에 허용된 양보다 훨씬 많은 정제유가 들어갔다고 추정했다.',
        '유엔 안전보장이사회는 북한에 공급되는 정제유를 해마다 제한하고 있다.',
        `${sellerKo} 북한에 정제유를 수출했다고 신고한 양은 그보다 훨씬 적은데, 러시아의 신고량이 더 적다.`,
      ],
    ],
  ];

  it('stays quiet on a story of oil tankers that names Russia in one passage, as one of two sellers beside China', () => {
    for (const [headline, paragraphs] of tankerStory('China and Russia', '중국과 러시아가')) expect(opens(headline, paragraphs)).toBe(false);
  });

  it('still opens where the list beside China names the topic: China and Russia broke the sanctions', () => {
    const [english, korean] = tankerStory('China and Russia', '중국과 러시아가');
    expect(opens(english![0], [...english![1].slice(0, 4), 'China and Russia broke the sanctions on North Korea by selling it more oil than they reported; Russia sold the more.'])).toBe(true);
    expect(opens(korean![0], [...korean![1].slice(0, 4), '중국과 러시아가 신고한 양보다 많은 정제유를 북한에 팔아 대북 제재를 어겼고, 러시아가 더 많이 팔았다.'])).toBe(true);
  });

  it('still opens where Russia alone sold the oil', () => {
    for (const [headline, paragraphs] of tankerStory('Russia', '러시아가')) expect(opens(headline, paragraphs)).toBe(true);
  });
});

describe('held-out 61: the troops, where the article names one side only', () => {
  it('opens China’s foreign ministry asked about the troops in Russia: a partner beside the troops says nothing (the thirteenth hostile review)', () => {
    expect(
      opens('中외교부, 파병 질문에 “상황 알지 못한다”', [
        '중국 외교부는 북한군의 러시아 파병에 대해 관련 상황을 알지 못한다는 입장을 되풀이했다.',
        '대변인은 정례 브리핑에서 중국은 우크라이나 위기에 대해 일관된 입장을 갖고 있다고 말했다.',
        '한국 국가정보원은 북한이 병력 1만여 명을 보내기로 했다고 밝힌 바 있다.',
      ]),
    ).toBe(true);
  });

  it('stays quiet on North Korea’s ties with Mozambique that recall its special forces once', () => {
    expect(
      opens('Мозамбик подозревают в военном сотрудничестве с КНДР в обход санкций', [
        'Эксперты ООН сообщили, что КНДР могла поставлять Мозамбику ракеты и радары.',
        'По их данным, КНДР нарушила режим санкций.',
        'В прошлом северокорейский спецназ будто бы обучал местных военных.',
        'Пхеньян обвинения не прокомментировал.',
      ]),
    ).toBe(false);
  });

  it('still opens where the article names both sides beside the troops once', () => {
    expect(opens('러시아, 북한 노동자 추가 수용', ['러시아가 북한 노동자를 더 받아들이고 있다고 정보당국이 밝혔다.', '북한은 지난해 북한군을 러시아에 보낸 뒤 노동자 파견도 늘렸다.', '러시아는 이에 대해 언급하지 않았다.'])).toBe(true);
  });
});

describe('the thirteenth hostile review: the troops named once, placed by the war or not', () => {
  it('opens a prisoner-of-war story that names Ukraine but never Russia', () => {
    for (const [headline, paragraphs] of [
      [
        'Captured soldier asks to be sent to Seoul',
        ['A North Korean soldier captured by Ukraine in January has asked to be sent to South Korea, a lawmaker in Seoul said.', 'The man told visitors he did not want to return home.', 'Kyiv said it would consider the request.'],
      ],
      ['포로 “한국으로 가고 싶다”', ['우크라이나군에 생포된 북한군 포로가 한국행을 원한다고 국회의원이 전했다.', '그는 북으로 돌아가고 싶지 않다고 말했다.', '우크라이나 정부는 요청을 검토하겠다고 밝혔다.']],
    ] as [string, string[]][])
      expect(opens(headline, paragraphs)).toBe(true);
  });

  it('opens a KCNA story of the fallen that names the troops only by their operation abroad, never Russia', () => {
    for (const [headline, paragraphs] of [
      [
        'Ким Чен Ын встретился с семьями погибших военнослужащих',
        [
          'Лидер КНДР Ким Чен Ын встретился с семьями военнослужащих, погибших в ходе зарубежной военной операции, сообщило ЦТАК.',
          'На церемонии в Пхеньяне он вручил родственникам государственные награды.',
          'Ким Чен Ын пообещал построить в столице мемориал.',
        ],
      ],
      [
        'North Korea breaks ground on a museum for soldiers killed abroad',
        [
          'North Korea has begun building a museum in Pyongyang for soldiers who died in its overseas operation, state media said.',
          'Kim Jong Un attended the ceremony and said the fallen would be remembered.',
          'Seoul’s unification ministry said Pyongyang was using the project to rally support.',
        ],
      ],
    ] as [string, string[]][])
      expect(opens(headline, paragraphs)).toBe(true);
  });

  it('stays quiet on the North’s soldiers firing warning shots at the border, headlined on them, with neither Russia nor Ukraine named', () => {
    expect(
      opens('북한군, 군사분계선 넘었다가 경고사격에 북상', [
        '합동참모본부는 북한군 여러 명이 군사분계선을 넘었다가 경고사격을 받고 돌아갔다고 밝혔다.',
        '합참은 북한이 최근 비무장지대에서 작업을 늘리고 있다고 설명했다.',
        '북한은 이에 대해 반응하지 않았다.',
      ]),
    ).toBe(false);
  });
});

describe('held-out 62, blind: the troops named once in the headline', () => {
  it('opens a story headlined on North Korean builders bound for Donbas that never names Russia', () => {
    expect(
      opens('Военные из Северной Кореи могут отправиться на Донбасс летом', [
        'Южнокорейские СМИ сообщают, что в Северной Корее готовят к отправке на Донбасс инженерные части.',
        'Строители будут работать от имени компании, которая находится под санкциями США и Евросоюза.',
        'По оценке южнокорейского эксперта, северокорейские специалисты будут получать около 800 долларов в месяц.',
      ]),
    ).toBe(true);
  });
});

describe('held-out 63: stories the gate left quiet', () => {
  it('opens a story of Russian coal shipped through Rajin that names North Korea once: the Rajin–Khasan railway is the two countries’ own', () => {
    const article = [
      'Seoul said on Monday that the North Korean port of Rajin can now take a second cargo of Russian coal.',
      'About 140,000 tons of Russian coal will reach South Korea by sea after crossing from Russia by rail.',
      'The Rajin-Khasan line was rebuilt by Russian Railways, and South Korean firms joined the trial.',
      'Three South Korean ports will take the coal in May.',
      'The Rajin-Khasan project is part of Seoul’s plan to link Korea’s railways with Russia’s.',
    ];
    expect(opens('Rajin ready for a second load of Russian coal', article)).toBe(true);
    expect(shownOn('Rajin ready for a second load of Russian coal', article)).toContainEqual(['Rajin-Khasan', 'khasan-rajin-railway']);
    expect(opens('Хасан — Раджин: второй пробный рейс угля', ['Из порта Раджин в Южную Корею отправится судно с российским углем.', 'Проект «Хасан — Раджин» реализует ОАО «РЖД».'])).toBe(true);
  });

  it('reads the port of Rajin as North Korea’s, so coal trains bound there from Russia open (a bare Rajin may be a man’s name)', () => {
    expect(
      opens('Russian coal trains head for the port of Rajin', [
        'Russia plans to send more coal by rail this year.',
        'The Far Eastern Railway will add trains, and Russian exporters expect to ship a million tonnes.',
        'The trains cross at the Khasan station, on the Russian Federation’s border with North Korea.',
      ]),
    ).toBe(true);
  });

  it('still stays quiet where only Russia’s own border station is named beside North Korea once', () => {
    expect(
      opens('Primorye rail freight grows', [
        'Freight through the Khasan station rose by a tenth this year, the Far Eastern Railway said.',
        'Most of it was coal bound for ports in Primorye and Nakhodka.',
        'Trains also carry fertiliser to China, and a few wagons cross into North Korea.',
      ]),
    ).toBe(false);
  });

  it('opens a story of the panel’s successor that names Russia once, where it vetoed the panel: the veto is the topic’s own story', () => {
    const article = [
      '한미일 세 나라가 유엔 안전보장이사회 대북제재위 산하 전문가 패널을 대신할 새 기구를 추진한다.',
      '안보리는 지난달 대북제재위 전문가 패널의 임기를 늘리는 결의안을 표결했지만 상임이사국인 러시아가 거부권을 행사했다.',
      '소식통은 세 나라가 북한에 대한 제재 이행을 감시할 새 전문가 패널을 만들고 있다고 말했다.',
      '이 전문가패널은 이달 말 활동을 마친다.',
      '새 기구가 유엔 밖에 생기면 북한 감시의 정당성은 약해질 수 있다.',
      '미국 대사는 비무장지대에서 전문가 패널에 대한 질문을 받았다.',
    ];
    expect(opens('한미일, 북한 제재 이행 감시할 새 기구 만든다', article)).toBe(true);
  });

  it('still stays quiet on North Korea’s own story that recalls in one passage a Russian veto of something else', () => {
    expect(
      opens('북한, 동해상으로 탄도미사일 발사', [
        '북한이 오늘 아침 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.',
        '북한의 이번 발사는 올해 들어 다섯 번째다.',
        '러시아는 지난주 우크라이나 관련 결의안에 거부권을 행사했다.',
        '북한은 지난달에도 순항미사일을 쐈다.',
        '전문가들은 북한이 고체연료 기술을 시험하고 있다고 본다.',
        '북한은 이번 발사에 대해 아직 발표하지 않았다.',
        '합참은 북한의 추가 도발에 대비하고 있다.',
      ]),
    ).toBe(false);
  });
});

describe('held-out 63: the veto beside the panel is the story only where the article follows the panel', () => {
  it('stays quiet on North Korea’s missile launch whose one passage on Russia recalls the veto that ended the panel', () => {
    expect(
      opens('북한, 동해상으로 탄도미사일 발사', [
        '북한이 오늘 아침 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.',
        '북한의 이번 발사는 올해 들어 다섯 번째다.',
        '지난해 러시아가 거부권을 행사해 대북제재위 전문가 패널의 임기가 끝났다.',
        '북한은 지난달에도 순항미사일을 쐈다.',
        '전문가들은 북한이 고체연료 기술을 시험하고 있다고 본다.',
        '북한은 이번 발사에 대해 아직 발표하지 않았다.',
        '합참은 북한의 추가 도발에 대비하고 있다.',
      ]),
    ).toBe(false);
  });
});

describe('the 2019 Vladivostok summit, which the paper does not cover (the development set)', () => {
  it('shows no summit of the paper’s in a story of Kim’s April 2019 arrival in Vladivostok', () => {
    const shown = shownOn('김정은, 블라디보스토크 도착…25일 푸틴과 정상회담', [
      '김정은 북한 국무위원장이 2019년 4월 24일 블라디보스토크역에 도착했다.',
      '김 위원장은 25일 루스키섬에서 블라디미르 푸틴 러시아 대통령과 북러 정상회담을 한다.',
      '북한과 러시아 정상이 만나는 것은 8년 만이다.',
    ]);
    expect(shown.filter(([, term]) => term === 'kim-putin-summits' || term === 'vostochny-summit')).toEqual([]);
    expect(shown).toContainEqual(['블라디미르 푸틴', 'vladimir-putin']);
  });

  it('still shows the Vostochny summit in a 2023 story that counts the years since April 2019', () => {
    const shown = shownOn('푸틴·김정은 보스토치니 우주기지서 정상회담', [
      '김정은 북한 국무위원장과 블라디미르 푸틴 러시아 대통령이 보스토치니 우주기지에서 정상회담을 했다.',
      '두 정상이 만난 것은 2019년 4월 이후 4년 5개월 만이다.',
      '북한은 러시아에 포탄을 주고 위성 기술을 얻으려 한다는 관측이 나온다.',
    ]);
    expect(shown.some(([text, term]) => text.startsWith('정상회담') && term === 'vostochny-summit')).toBe(true);
  });
});

describe('held-out 65: Medvedev names Russia', () => {
  it('opens a story of Medvedev meeting Kim at the party’s anniversary, which names Russia itself only twice', () => {
    expect(
      opens('메드베데프, 김정은과 회담…북한은 “친선 강화”', [
        '러시아 대표단을 이끈 메드베데프 부의장이 평양에서 북한 김정은 총비서를 만났다고 북한 매체가 전했다.',
        '메드베데프는 김 총비서에게 블라디미르 푸틴 대통령의 인사를 전했고, 김 총비서와의 회담은 두 시간 이어졌다.',
        '북한은 조선민주주의인민공화국과 두 나라의 우의가 깊어지고 있다고 밝혔다.',
        '북한 매체는 평양 시민들이 대표단을 환영했다고 보도했다.',
        '메드베데프는 평양의 열병식을 지켜봤다.',
        '그는 조선민주주의인민공화국 군인들의 용맹을 칭찬했다.',
      ]),
    ).toBe(true);
  });

  it('still stays quiet on a story of Russia’s security council that names North Korea once in passing', () => {
    expect(
      opens('Medvedev chairs Security Council session on the Arctic', [
        'Deputy Chairman of Russia’s Security Council Dmitry Medvedev held a meeting on the Arctic shipping route.',
        'Medvedev said Moscow would expand its icebreaker fleet.',
        'He also listed threats from NATO, and mentioned North Korea among states testing missiles.',
        'The council will meet again in March, Medvedev said.',
      ]),
    ).toBe(false);
  });
});

describe('held-out 65: guests beside a partner', () => {
  it('stays quiet on the North’s party anniversary whose guests were China’s premier and Russia’s Medvedev', () => {
    expect(
      opens('김정은, 당 창건 기념 경축대회서 “적대 세력에 강경 대응”', [
        '김정은 북한 국무위원장은 평양 경기장에서 당 창건 기념 경축대회를 열었다.',
        '김정은은 연설에서 북한의 국제적 지위가 높아지고 있다고 말했다.',
        '북한이 대집단체조를 선보인 것은 5년 만이다.',
        '행사에는 중국의 리창 총리와 푸틴 러시아 대통령의 측근인 메드베데프 부의장, 베트남의 또 럼 서기장이 참석했다.',
        '주석단에서 김 위원장 오른쪽에는 중국의 리창 총리가, 왼쪽 끝에는 러시아의 메드베데프 부의장이 앉았다.',
      ]),
    ).toBe(false);
  });

  it('still opens where Kim and Putin meet in Beijing, the partner’s capital as the venue', () => {
    expect(
      opens('Kim and Putin hold talks in Beijing', [
        'Kim Jong Un and Vladimir Putin met in Beijing after China’s military parade.',
        'Putin thanked North Korea for its soldiers who fought in the Kursk region.',
        'Kim said helping Russia was a fraternal duty.',
      ]),
    ).toBe(true);
  });
});

describe('the veto beside the panel: where each must be named (the fourteenth hostile review’s mutations)', () => {
  const northKoreaStory = (asidePassage: string, panelPassages: string[]) => [
    '북한이 오늘 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.',
    '북한의 이번 발사는 올해 다섯 번째다.',
    asidePassage,
    ...panelPassages,
    '북한은 지난달에도 순항미사일을 쐈다.',
    '합참은 북한의 추가 도발에 대비하고 있다.',
    '북한은 이번 발사에 대해 아직 발표하지 않았다.',
  ];

  it('opens where the veto and the panel share Russia’s one passage and the panel is named in one other passage only', () => {
    expect(opens('북한 미사일 발사…감시 공백 우려', northKoreaStory('러시아가 거부권을 행사해 대북제재위 전문가 패널의 임기가 끝났다.', ['전문가들은 대북제재위 전문가 패널이 사라져 북한 감시에 공백이 생겼다고 말한다.']))).toBe(true);
  });

  it('stays quiet where Russia’s one passage names the panel but the veto is named elsewhere', () => {
    expect(opens('북한 미사일 발사…감시 공백 우려', northKoreaStory('러시아는 북한을 다룬 대북제재위 전문가 패널의 보고서를 비판해 왔다.', ['대북제재위 전문가 패널은 지난해 거부권 행사로 임기를 마쳤다.']))).toBe(false);
  });

  it('stays quiet where Russia’s one passage names a veto and the panel is named only in other passages', () => {
    expect(
      opens(
        '북한 미사일 발사…감시 공백 우려',
        northKoreaStory('북한의 우방인 러시아는 지난주 시리아 결의안에 거부권을 행사했다.', ['대북제재위 전문가 패널은 지난해 활동을 마쳤다.', '대북제재위 전문가 패널의 마지막 보고서는 북한의 제재 위반을 다뤘다.']),
      ),
    ).toBe(false);
  });
});

describe('the veto beside the panel, in the words news uses for it (the fourteenth hostile review)', () => {
  const missileStory = (asidePassage: string, panelPassage: string) => [
    'North Korea fired a ballistic missile into the East Sea on Monday, Seoul’s Joint Chiefs of Staff said.',
    'It was North Korea’s fifth launch this year.',
    asidePassage,
    panelPassage,
    'North Korea also fired cruise missiles last month.',
    'Seoul’s military said it was ready for further provocations by North Korea.',
    'North Korea’s state media had not reported the launch by the evening.',
  ];

  it('opens where Russia’s one passage says it vetoed the renewal of the panel’s mandate', () => {
    expect(
      opens(
        'North Korea fires missile as sanctions monitoring lapses',
        missileStory('Russia vetoed the renewal of the UN Panel of Experts on North Korea last year.', 'Without the Panel of Experts on North Korea, no UN body tracks the launches.'),
      ),
    ).toBe(true);
  });

  // The fifteenth hostile review: the veto's own names include procedural words ("renewal of the
  // mandate", 임기 연장, «продление мандата») that tell no veto; only the word counts.
  it('stays quiet on a panel report that names Russia once, as a member’s nationality, beside the yearly renewal of the mandate', () => {
    const members = {
      en: [
        'UN panel says North Korea stole record crypto last year',
        [
          'North Korean hackers stole a record amount of cryptocurrency last year, UN sanctions monitors said in a report.',
          'The UN panel of experts said North Korea used the money to fund its nuclear and missile programs.',
          'North Korea continued to import refined petroleum through ship-to-ship transfers, the report said.',
          'North Korea has fired several ballistic missiles this year.',
          'North Korea’s foreign ministry called the report a fabrication.',
          'North Korea says sanctions are a product of US hostility.',
          'The UN panel’s eight experts come from countries including the United States, Russia and Japan; the Security Council votes each March on the renewal of the mandate.',
        ],
      ],
      ko: [
        '유엔 전문가 패널 "北, 작년 가상화폐 2조원 탈취"',
        [
          '유엔 안보리 대북제재위원회 전문가 패널은 북한이 지난해 가상화폐 약 2조 원어치를 탈취했다는 보고서를 냈다.',
          '보고서에 따르면 북한 해커들은 탈취한 자금을 핵·미사일 개발에 쓴 것으로 보인다.',
          '북한은 여전히 선박 간 환적으로 석유를 밀수입하고 있다고 보고서는 지적했다.',
          '북한은 올해 들어서도 탄도미사일을 여러 차례 발사했다.',
          '북한 외무성은 보고서가 날조됐다고 주장했다.',
          '북한은 제재가 적대시 정책의 산물이라고 반발해 왔다.',
          '전문가 패널에는 미국, 러시아, 일본 등 8개국 전문가가 참여하며, 패널의 임기 연장 여부는 매년 안보리가 표결로 정한다.',
        ],
      ],
      ru: [
        'Эксперты ООН: КНДР похитила рекордный объём криптовалюты',
        [
          'Северокорейские хакеры в прошлом году похитили рекордный объём криптовалюты, говорится в докладе группы экспертов ООН по КНДР.',
          'По данным экспертов, Пхеньян направил средства на ядерную и ракетную программы.',
          'КНДР продолжала ввозить нефтепродукты путём перегрузки с судна на судно, отмечается в докладе.',
          'В этом году КНДР провела несколько пусков баллистических ракет.',
          'МИД КНДР назвал доклад фальсификацией.',
          'В Пхеньяне считают санкции проявлением враждебной политики США.',
          'В группу экспертов ООН по КНДР входят специалисты из восьми стран, в том числе России, США и Японии; вопрос о продлении мандата Совбез решает ежегодно в марте.',
        ],
      ],
    } as const;
    for (const [headline, paragraphs] of Object.values(members)) expect(opens(headline, [...paragraphs])).toBe(false);
  });
});

describe('the Khasan–Rajin railway named once in passing (the fourteenth hostile review)', () => {
  it('stays quiet on a history of the Trans-Siberian that recalls the link to North Korea in one sentence', () => {
    expect(
      opens('The Trans-Siberian at 110: a line that built Russia', [
        'Russia finished the Trans-Siberian Railway in 1916, linking Moscow with Vladivostok.',
        'Russian engineers later added a second track and electrified the whole route.',
        'Today Russian Railways runs about a hundred freight trains a day on the line.',
        'Branches reach China and Mongolia; the Khasan-Rajin spur crosses into North Korea.',
        'Moscow hopes the line will carry more Asian cargo to Europe.',
        'The Kremlin has promised new money for Russia’s far eastern stretch.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on Hunchun’s logistics, where the railway is one of several routes', () => {
    expect(
      opens('Hunchun bets on trucks and trains to the sea', [
        'China’s border city of Hunchun wants to become a hub for northeast Asian trade.',
        'Chinese firms truck goods to Russia’s port of Zarubino, two hours away.',
        'Some cargo goes by the Rajin-Khasan railway instead.',
        'Beijing has paid for a new customs hall in Hunchun.',
      ]),
    ).toBe(false);
  });

  it('stays quiet on Seoul’s Eurasian rail plan, which names the route once', () => {
    expect(
      opens('Seoul revives its dream of a train to Europe', [
        'South Korea’s transport ministry said it would study a rail link to Europe.',
        'The plan would run trains from Busan through the Korean peninsula.',
        'Officials named the Hasan-Rajin route as one way to reach the Trans-Siberian in Russia.',
        'South Korean firms have studied the idea since 2013.',
        'Seoul said talks with Pyongyang would be needed first.',
      ]),
    ).toBe(false);
  });

  // The fifteenth hostile review: each way a railway named once still counts, pinned by a brief.
  it('opens a brief that leads on the line, naming its operator there and North Korea later', () => {
    expect(
      opens('Passenger trains to Rason resume after five years', [
        'Russian Railways on Monday resumed passenger service on the Khasan–Tumangang line, suspended since 2020.',
        'The first train carried 40 tourists from Vladivostok, the company said.',
        'Tickets for the four-hour trip to North Korea’s Rason zone cost 12,000 roubles, including a guide.',
      ]),
    ).toBe(true);
    expect(
      opens('Пассажирское сообщение с Расоном восстановлено', [
        'РЖД возобновили пассажирские перевозки по линии Хасан — Туманган, прерванные в 2020 году.',
        'Первым поездом из Владивостока отправились 40 туристов.',
        'Поездка в экономическую зону Расон в КНДР займёт около четырёх часов.',
      ]),
    ).toBe(true);
  });

  it('opens where the line is named in two passages, or in the headline', () => {
    expect(
      opens('Coal trains return to the border', [
        'Freight volumes at Russia’s eastern border rose sharply this year, officials said.',
        'Russian Railways said the Khasan–Rajin line carried twice as much coal this year as last.',
        'The Khasan–Rajin link, rebuilt a decade ago, had been idle since the pandemic.',
        'North Korea’s railways ministry confirmed the figures, state media said.',
      ]),
    ).toBe(true);
    expect(
      opens('하산-두만강 여객열차 5년 만에 운행 재개', [
        '러시아 철도공사는 2020년 중단됐던 여객 열차 운행을 재개했다고 밝혔다.',
        '첫 열차에는 블라디보스토크에서 출발한 관광객 40명이 탑승했다.',
        '관광객들은 북한 나선경제특구에서 사흘간 머문다.',
      ]),
    ).toBe(true);
  });

  it('opens where the one passage that names the line, after the lead, names both sides beside it', () => {
    expect(
      opens('Tourist season opens in the Far East', [
        'Travel agencies in Primorye expect a record summer, the regional government said.',
        'From June, Russia and North Korea will run passenger trains on the Khasan–Rajin line.',
        'Tickets will go on sale next month.',
      ]),
    ).toBe(true);
  });

  it('still opens a trip that takes the train from Khasan into North Korea, naming both sides beside the line', () => {
    expect(
      opens('A week in Rason', [
        'A blogger spent a week with his family in Rason, a special economic zone of North Korea.',
        'They flew to Vladivostok and took a bus to Khasan, then the Khasan-Tumangang train, two North Korean carriages, across the border.',
        'Guides met the group at the North Korean customs post.',
      ]),
    ).toBe(true);
  });
});

describe('held-out 66: a side listed once beside a partner', () => {
  const banks = [
    'The US Treasury on Tuesday added eight North Korean banks to its sanctions list.',
    'The Treasury secretary said the move targets North Korean banks and the middlemen who act for them abroad.',
    'Among the banks under sanctions is North Korea’s agricultural development bank.',
    'Sanctions also hit two dozen North Korean nationals who work in China, Russia, Libya and the United Arab Emirates for the banks.',
    'Washington said the step supports its campaign to isolate North Korea.',
  ];

  it('stays quiet on US sanctions on North Korea’s banks, whose staff work in China, Russia and elsewhere: a concept beside the list is not the topic', () => {
    expect(opens('US adds North Korean banks to sanctions list', banks)).toBe(false);
  });

  it('opens where the list’s passage tells one of the topic’s stories: China and Russia vetoed new sanctions on North Korea', () => {
    expect(
      opens('North Korea test-fires new ICBM; Security Council deadlocked', [
        'North Korea test-fired a new solid-fuel intercontinental ballistic missile on Friday, its state media said.',
        'Kim Jong Un oversaw the launch and said North Korea would keep strengthening its nuclear deterrent.',
        'The missile flew for 86 minutes, the longest flight yet by a North Korean missile, Japan said.',
        'An emergency Security Council meeting ended without action after China and Russia vetoed new sanctions on North Korea.',
        'North Korea has rejected every Security Council resolution against it as a violation of its sovereignty.',
      ]),
    ).toBe(true);
  });

  it('still opens where the list’s passage names a weapon: the North Korean missile Russia fired, built with parts from the US, Japan and China', () => {
    expect(
      opens('N. Korean missile found in Ukraine was built with foreign parts', [
        'Hundreds of parts inside a North Korean missile that Russia fired at Kharkiv came from firms in the United States, Japan, China and Germany, researchers found.',
        'The findings show North Korea can source parts abroad despite UN sanctions on its ballistic missile programme.',
        'The researchers examined debris of the North Korean missile recovered in the city in January.',
        'Most of the parts had been made within the past three years, they said.',
        'North Korea has long evaded sanctions to buy electronics, the report said.',
      ]),
    ).toBe(true);
  });
});

describe('held-out 67: a thing of the other side beside a list', () => {
  it('stays quiet on North Korea’s arms for Syria, where UN experts saw Russian and Chinese ships carry its fuel', () => {
    expect(
      opens('WSJ: КНДР продаёт оружие странам под санкциями', [
        'По данным закрытого доклада ООН, Северная Корея торгует с Сирией, Йеменом и Ливией.',
        'В докладе говорится, что Северная Корея нарушает международные санкции и продаёт оружие.',
        'Согласно документу, КНДР поставляет оружие Сирии и другим странам, где идут войны.',
        'Эксперты ООН отметили рост поставок топлива в Северную Корею на российских и китайских судах.',
        'Первые санкции против КНДР ввели в 2006 году.',
      ]),
    ).toBe(false);
  });

  it('still opens where that passage names Kim Jong Un: his limousines, traced through China and Russia', () => {
    expect(
      opens('Лимузины для КНДР: доклад ООН', [
        'Группа экспертов ООН выяснила, что лимузины Ким Чен Ына попали в КНДР через Китай и Россию.',
        'По данным доклада, машины прошли через несколько портов.',
        'Северная Корея ввозит предметы роскоши вопреки санкциям ООН.',
        'КНДР не ответила на запрос экспертов.',
        'Санкции запрещают поставлять в КНДР дорогие автомобили.',
      ]),
    ).toBe(true);
  });
});

describe('a partner’s story that recalls arms from both suppliers', () => {
  // Tried in 32b5613 and withdrawn: an on-topic word beside the partner ("arms") no longer counted,
  // which quieted a held-out 67 story of Shoigu in Tehran, where "Russia took arms from North Korea and
  // Iran alike", but also every story that compares the two suppliers (the fifteenth hostile review).
  it('opens where North Korea’s one passage compares it with Iran, naming its arms by an on-topic word', () => {
    expect(opens(...suppliersStory('Like Iran, North Korea has shipped weapons to Russia, Western intelligence says.'))).toBe(true);
    expect(
      opens('이란·북한, 러시아 전쟁 지탱', [
        '우크라이나 군 정보총국은 이란이 2022년 이후 러시아에 샤헤드 드론 8000대 이상을 넘겼다고 밝혔다.',
        '이란은 러시아 타타르스탄에 드론 공장도 세웠다고 정보총국은 설명했다.',
        '이란 정부는 러시아에 무기를 제공한 적이 없다고 부인하고 있다.',
        '정보총국은 북한도 이란처럼 석유와 기술을 대가로 러시아에 무기를 보냈다고 밝혔다.',
        '이란 외무부는 보고서가 근거 없다고 반박했다.',
      ]),
    ).toBe(true);
  });

  it('still opens where that passage names North Korea’s weapon by its own name: its shells beside Iran’s drones', () => {
    expect(
      opens('러시아 쇼이구, 북한 이어 이란 방문', [
        '북한을 방문했던 세르게이 쇼이구 러시아 국가안보회의 서기가 17일 이란을 찾았다.',
        '쇼이구 서기는 테헤란에서 이란 대통령을 만나 푸틴 대통령의 메시지를 전했다.',
        '이란 대통령은 이란과 러시아의 협력이 서방 제재를 무력하게 만들고 있다고 말했다.',
        '이번 방문은 이란이 러시아에 탄도미사일을 보냈다는 보도 속에 이뤄졌다.',
        '러시아는 우크라이나 침공 뒤 북한의 포탄과 이란의 드론을 받아 왔다.',
        '이란 대통령은 다음 달 러시아에서 열리는 브릭스 정상회의에 참석한다.',
      ]),
    ).toBe(true);
  });
});

describe('Interfax’s Moscow dateline (the development set)', () => {
  it('stays quiet on North Korea’s missile tests filed from Moscow, which names Russia only in the dateline', () => {
    expect(
      opens('В КНДР испытали баллистические ракеты', [
        'Москва. 4 января. INTERFAX.RU — Военные КНДР испытали несколько баллистических ракет, сообщает агентство «Ренхап».',
        'Сколько было ракет, в сообщении не говорится.',
        'Ракеты выпустили в восточном направлении с полигона под Пхеньяном.',
      ]),
    ).toBe(false);
  });
});
